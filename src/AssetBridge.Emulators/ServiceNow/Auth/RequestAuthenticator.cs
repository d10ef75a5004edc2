using System.Text;
using Microsoft.AspNetCore.Http;

namespace AssetBridge.Emulators.ServiceNow.Auth;

/// <summary>Finds the user behind a request: HTTP Basic, or a bearer token from /oauth_token.do.</summary>
internal sealed class RequestAuthenticator(UserDirectory users, TokenStore tokens)
{
    public EmulatorUser? Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return tokens.UserOf(header["Bearer ".Length..].Trim()) is { } username ? users.Find(username) : null;
        }

        return TryReadBasic(header, out var basicUser, out var password) ? users.SignIn(basicUser, password) : null;
    }

    /// <summary>Reads "Basic base64(user:password)"; false when absent or malformed.</summary>
    public static bool TryReadBasic(string header, out string username, out string password)
    {
        username = password = string.Empty;
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        username = decoded[..colon];
        password = decoded[(colon + 1)..];
        return true;
    }
}
