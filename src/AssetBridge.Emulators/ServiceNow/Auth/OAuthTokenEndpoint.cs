using System.Text.Json;
using AssetBridge.Emulators.ServiceNow.Api;
using Microsoft.AspNetCore.Http;

namespace AssetBridge.Emulators.ServiceNow.Auth;

/// <summary>
/// POST /oauth_token.do (form-encoded): client_credentials (runs as the client's user), password
/// and refresh_token grants. Any failure answers 401 with the body a real instance sends.
/// </summary>
internal sealed class OAuthTokenEndpoint(UserDirectory users, TokenStore tokens, EmulatorStats stats)
{
    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.HasFormContentType)
        {
            await DenyAsync(context.Response).ConfigureAwait(false);
            return;
        }

        var form = await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var grantType = form["grant_type"].ToString();
        var (clientId, clientSecret) = ClientOf(request, form);
        var client = users.FindClient(clientId, clientSecret);
        var username = client is null ? null : grantType switch
        {
            "client_credentials" => client.RunAsUser is { } runAs && users.Find(runAs) is not null ? runAs : null,
            "password" => users.SignIn(form["username"].ToString(), form["password"].ToString())?.Username,
            "refresh_token" => tokens.RedeemRefreshToken(form["refresh_token"].ToString(), client.ClientId) is { } owner
                && users.Find(owner) is not null ? owner : null,
            _ => null,
        };
        if (client is null || username is null)
        {
            await DenyAsync(context.Response).ConfigureAwait(false);
            return;
        }

        var (accessToken, refreshToken) = tokens.Issue(username, client.ClientId);
        stats.CountTokenIssued(grantType);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = ErrorEnvelope.JsonContentType;
        using (var json = new Utf8JsonWriter(context.Response.BodyWriter, RecordRenderer.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("access_token", accessToken);
            json.WriteString("refresh_token", refreshToken);
            json.WriteString("scope", "useraccount");
            json.WriteString("token_type", "Bearer");
            json.WriteNumber("expires_in", (long)tokens.Lifetime.TotalSeconds);
            json.WriteEndObject();
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Client credentials from the form, or from a Basic header (RFC 6749 client_secret_basic).</summary>
    private static (string? Id, string? Secret) ClientOf(HttpRequest request, IFormCollection form)
    {
        if (form.ContainsKey("client_id"))
        {
            return (form["client_id"].ToString(), form["client_secret"].ToString());
        }

        return RequestAuthenticator.TryReadBasic(request.Headers.Authorization.ToString(), out var id, out var secret)
            ? (id, secret)
            : (null, null);
    }

    private static async Task DenyAsync(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.ContentType = ErrorEnvelope.JsonContentType;
        using (var json = new Utf8JsonWriter(response.BodyWriter, RecordRenderer.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("error_description", "access_denied");
            json.WriteString("error", "server_error");
            json.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(response.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
