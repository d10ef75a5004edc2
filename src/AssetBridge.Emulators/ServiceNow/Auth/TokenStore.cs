using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace AssetBridge.Emulators.ServiceNow.Auth;

/// <summary>
/// Access and refresh tokens issued by /oauth_token.do. Access tokens expire by the injected clock;
/// refresh tokens do not (a real instance keeps them for 100 days, longer than any test).
/// </summary>
internal sealed class TokenStore(TimeProvider time, TimeSpan lifetime)
{
    private readonly ConcurrentDictionary<string, AccessGrant> accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RefreshGrant> refreshTokens = new(StringComparer.Ordinal);

    public TimeSpan Lifetime => lifetime;

    public (string AccessToken, string RefreshToken) Issue(string username, string clientId)
    {
        var access = NewToken();
        var refresh = NewToken();
        accessTokens[access] = new AccessGrant(username, time.GetUtcNow() + lifetime);
        refreshTokens[refresh] = new RefreshGrant(username, clientId);
        return (access, refresh);
    }

    /// <summary>The user a bearer token runs as, or null when unknown or expired.</summary>
    public string? UserOf(string accessToken)
    {
        if (!accessTokens.TryGetValue(accessToken, out var grant))
        {
            return null;
        }

        if (time.GetUtcNow() < grant.ExpiresAt)
        {
            return grant.Username;
        }

        accessTokens.TryRemove(accessToken, out _);
        return null;
    }

    public string? RedeemRefreshToken(string refreshToken, string clientId) =>
        refreshTokens.TryGetValue(refreshToken, out var grant) && grant.ClientId == clientId ? grant.Username : null;

    private static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(48));

    private sealed record AccessGrant(string Username, DateTimeOffset ExpiresAt);

    private sealed record RefreshGrant(string Username, string ClientId);
}
