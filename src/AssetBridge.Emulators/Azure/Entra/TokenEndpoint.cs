using System.Security.Cryptography;
using System.Text;
using AssetBridge.Emulators.Azure.Hosting;
using AssetBridge.Emulators.Azure.State;
using Microsoft.AspNetCore.Http;

namespace AssetBridge.Emulators.Azure.Entra;

/// <summary>
/// POST /{tenant}/oauth2/v2.0/token, client credentials only: a client secret (form or Basic header,
/// RFC 6749 2.3.1) or a client assertion. Checks run in Entra's order: tenant, grant type, client id,
/// scope, application, credential. Success answers as entra_token_success_client_credentials.json.
/// </summary>
internal sealed class TokenEndpoint(
    string tenantId,
    PrincipalDirectory principals,
    AccessTokens tokens,
    ArmAudiences audiences,
    ClientAssertionValidator assertions,
    AzureEmulatorStats stats,
    TimeProvider time,
    RequestIds ids)
{
    public const string JwtBearerAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private const string DefaultScopeSuffix = ".default";

    public async Task HandleAsync(HttpContext context)
    {
        stats.TokenRequested();
        var tenant = context.Request.RouteValues["tenant"]?.ToString() ?? string.Empty;
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false) : null;
        var decision = Decide(context, tenant, form);
        if (decision.Principal is { } known)
        {
            AzureRequestRecorder.SetClient(context, known.ClientId);
        }

        if (decision.Error is { } error)
        {
            await EntraResponses.WriteErrorAsync(context, error, time, ids).ConfigureAwait(false);
            return;
        }

        var accessToken = tokens.Issue(decision.Principal!, decision.Audience!, decision.Credential!);
        stats.TokenIssued();
        EntraResponses.NoStore(context.Response);
        context.Response.Headers["x-ms-request-id"] = ids.Next();
        var seconds = (long)tokens.Lifetime.TotalSeconds;
        await EntraResponses.WriteJsonAsync(context.Response, json =>
        {
            json.WriteStartObject();
            json.WriteString("token_type", "Bearer");
            json.WriteNumber("expires_in", seconds);
            json.WriteNumber("ext_expires_in", seconds);
            json.WriteString("access_token", accessToken);
            json.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static Decision Refuse(EntraError error, RegisteredPrincipal? principal = null) => new(error, principal, null, null);

    private Decision Decide(HttpContext context, string tenant, IFormCollection? form)
    {
        if (!string.Equals(tenant, tenantId, StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(EntraError.TenantNotFound(tenant));
        }

        var grantType = form?["grant_type"].ToString() ?? string.Empty;
        if (grantType.Length == 0)
        {
            return Refuse(EntraError.MissingParameter("grant_type"));
        }

        if (grantType != "client_credentials")
        {
            return Refuse(EntraError.UnsupportedGrantType(grantType));
        }

        var (clientId, secret) = ClientOf(context.Request, form!);
        if (string.IsNullOrEmpty(clientId))
        {
            return Refuse(EntraError.MissingParameter("client_id"));
        }

        var scope = form!["scope"].ToString();
        if (scope.Length == 0)
        {
            return Refuse(EntraError.MissingParameter("scope"));
        }

        // Client credentials take exactly one "{resource}/.default" scope.
        if (scope.Contains(' ', StringComparison.Ordinal) || !scope.EndsWith("/" + DefaultScopeSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(EntraError.InvalidScope(scope));
        }

        var audience = scope[..^DefaultScopeSuffix.Length];
        if (!audiences.Accepts(audience))
        {
            return Refuse(EntraError.ResourceNotFound(audience, tenantId));
        }

        if (principals.Find(clientId) is not { } principal)
        {
            return Refuse(EntraError.ApplicationNotFound(clientId, tenantId));
        }

        var assertion = form["client_assertion"].ToString();
        if (assertion.Length > 0)
        {
            if (form["client_assertion_type"].ToString() != JwtBearerAssertionType)
            {
                return Refuse(EntraError.MissingParameter("client_assertion_type"), principal);
            }

            return assertions.Validate(assertion, principal, tenant, tenantId) is { } refused
                ? Refuse(refused, principal)
                : new Decision(null, principal, audience, "2");
        }

        if (string.IsNullOrEmpty(secret))
        {
            return Refuse(EntraError.MissingCredential(), principal);
        }

        return SecretMatches(principal.Registration.Secret, secret)
            ? new Decision(null, principal, audience, "1")
            : Refuse(EntraError.InvalidClientSecret(principal.ClientId), principal);
    }

    private static bool SecretMatches(string? registered, string sent) =>
        registered is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(registered), Encoding.UTF8.GetBytes(sent));

    /// <summary>client_id and client_secret from the form, or from a Basic header (RFC 6749 2.3.1).</summary>
    private static (string? Id, string? Secret) ClientOf(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    return (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
                }
            }
            catch (FormatException)
            {
                // Not Basic credentials after all; fall back to the form.
            }
        }

        return (form["client_id"].ToString(), form["client_secret"].ToString());
    }

    /// <summary>A refusal, or the token to issue: its audience and appidacr ("1" secret, "2" certificate).</summary>
    private readonly record struct Decision(EntraError? Error, RegisteredPrincipal? Principal, string? Audience, string? Credential);
}
