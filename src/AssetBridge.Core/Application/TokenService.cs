using AssetBridge.Core.Access;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Storage;

namespace AssetBridge.Core.Application;

/// <summary>Creates, checks and revokes API tokens; the token is shown once and stored only as a hash.</summary>
public sealed class TokenService
{
    private readonly IStore _store;
    private readonly TimeProvider _time;

    public TokenService(IStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    /// <summary>Creates an admin or reader API token and returns it; this is the only time it is visible.</summary>
    public async Task<(StoredToken Stored, string Token)> CreateApiTokenAsync(TokenKind role, string? description, TimeSpan? expiresIn, CancellationToken cancellationToken)
    {
        if (role is not (TokenKind.Admin or TokenKind.Reader))
        {
            throw new AssetBridgeException(ErrorKind.Usage, $"An API token's role is admin or reader, not {role}.");
        }

        var token = BearerToken.New(role);
        var now = _time.GetUtcNow();
        var stored = await _store.Tokens.CreateAsync(
            new NewToken(role, BearerToken.Hash(token), description ?? string.Empty, null, false, now, expiresIn is { } e ? now + e : null),
            cancellationToken).ConfigureAwait(false);
        return (stored, token);
    }

    /// <summary>The stored token a bearer value stands for, when it exists and has not expired; null otherwise.</summary>
    public async Task<StoredToken?> AuthenticateAsync(string? bearer, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(bearer) || bearer.Length > 200)
        {
            return null;
        }

        return await _store.Tokens.FindAsync(BearerToken.Hash(bearer.Trim()), _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }
}
