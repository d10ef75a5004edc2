using AssetBridge.Emulators.Azure.Hosting;
using Microsoft.AspNetCore.Http;

namespace AssetBridge.Emulators.Azure.Entra;

/// <summary>
/// What MSAL may fetch before a token: the tenant's OpenID configuration, instance discovery, and
/// the signing keys of the tokens it issues. Every URL points back at the emulator.
/// </summary>
internal sealed class DiscoveryEndpoints(string tenantId, AccessTokens tokens, TimeProvider time, RequestIds ids)
{
    public Task OpenIdConfigurationAsync(HttpContext context)
    {
        var tenant = context.Request.RouteValues["tenant"]?.ToString() ?? string.Empty;
        if (!IsThisTenant(tenant))
        {
            return EntraResponses.WriteErrorAsync(context, EntraError.TenantNotFound(tenant), time, ids);
        }

        var root = Root(context);
        return EntraResponses.WriteJsonAsync(context.Response, json =>
        {
            json.WriteStartObject();
            json.WriteString("token_endpoint", $"{root}/{tenantId}/oauth2/v2.0/token");
            json.WriteStartArray("token_endpoint_auth_methods_supported");
            json.WriteStringValue("client_secret_post");
            json.WriteStringValue("private_key_jwt");
            json.WriteStringValue("client_secret_basic");
            json.WriteEndArray();
            json.WriteString("jwks_uri", $"{root}/{tenantId}/discovery/v2.0/keys");
            json.WriteStartArray("response_modes_supported");
            json.WriteStringValue("query");
            json.WriteStringValue("fragment");
            json.WriteStringValue("form_post");
            json.WriteEndArray();
            json.WriteStartArray("subject_types_supported");
            json.WriteStringValue("pairwise");
            json.WriteEndArray();
            json.WriteStartArray("id_token_signing_alg_values_supported");
            json.WriteStringValue("RS256");
            json.WriteEndArray();
            json.WriteStartArray("response_types_supported");
            json.WriteStringValue("code");
            json.WriteStringValue("id_token");
            json.WriteStringValue("code id_token");
            json.WriteStringValue("id_token token");
            json.WriteEndArray();
            json.WriteStartArray("scopes_supported");
            json.WriteStringValue("openid");
            json.WriteStringValue("profile");
            json.WriteStringValue("email");
            json.WriteStringValue("offline_access");
            json.WriteEndArray();
            json.WriteString("issuer", $"{root}/{tenantId}/v2.0");
            json.WriteBoolean("request_uri_parameter_supported", false);
            json.WriteString("authorization_endpoint", $"{root}/{tenantId}/oauth2/v2.0/authorize");
            json.WriteString("device_authorization_endpoint", $"{root}/{tenantId}/oauth2/v2.0/devicecode");
            json.WriteString("end_session_endpoint", $"{root}/{tenantId}/oauth2/v2.0/logout");
            json.WriteString("tenant_region_scope", "EU");
            json.WriteString("cloud_instance_name", context.Request.Host.Value);
            json.WriteEndObject();
        });
    }

    /// <summary>GET /common/discovery/instance: this host is its own cloud, known by both its names.</summary>
    public Task InstanceDiscoveryAsync(HttpContext context)
    {
        var root = Root(context);
        var port = context.Request.Host.Port;
        var authorization = context.Request.Query["authorization_endpoint"].ToString();
        var tenant = TenantOf(authorization) ?? tenantId;
        return EntraResponses.WriteJsonAsync(context.Response, json =>
        {
            json.WriteStartObject();
            json.WriteString("tenant_discovery_endpoint", $"{root}/{tenant}/v2.0/.well-known/openid-configuration");
            json.WriteString("api-version", "1.1");
            json.WriteStartArray("metadata");
            json.WriteStartObject();
            json.WriteString("preferred_network", $"127.0.0.1:{port}");
            json.WriteString("preferred_cache", $"127.0.0.1:{port}");
            json.WriteStartArray("aliases");
            json.WriteStringValue($"127.0.0.1:{port}");
            json.WriteStringValue($"localhost:{port}");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    public Task KeysAsync(HttpContext context)
    {
        var tenant = context.Request.RouteValues["tenant"]?.ToString() ?? string.Empty;
        return IsThisTenant(tenant)
            ? EntraResponses.WriteJsonAsync(context.Response, tokens.WriteKeySet)
            : EntraResponses.WriteErrorAsync(context, EntraError.TenantNotFound(tenant), time, ids);
    }

    private bool IsThisTenant(string tenant) => string.Equals(tenant, tenantId, StringComparison.OrdinalIgnoreCase);

    private static string Root(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";

    private static string? TenantOf(string authorizationEndpoint) =>
        Uri.TryCreate(authorizationEndpoint, UriKind.Absolute, out var uri) && uri.Segments.Length > 1 ? uri.Segments[1].TrimEnd('/') : null;
}
