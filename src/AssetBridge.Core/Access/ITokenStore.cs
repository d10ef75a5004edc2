namespace AssetBridge.Core.Access;

/// <summary>Hashed bearer tokens: API tokens, enrolment tokens, agent sessions.</summary>
public interface ITokenStore
{
    Task<StoredToken> CreateAsync(NewToken token, CancellationToken cancellationToken);

    /// <summary>The token with this hash when it has not expired at <paramref name="now"/>; used enrolment tokens too (check UsedAt).</summary>
    Task<StoredToken?> FindAsync(string hash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Marks a one-time token used; true only for the single caller that used it first, before it expired.</summary>
    Task<bool> ConsumeAsync(string hash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Tokens of the kinds given (all when empty), newest first.</summary>
    Task<IReadOnlyList<StoredToken>> ListAsync(IReadOnlyCollection<TokenKind> kinds, CancellationToken cancellationToken);

    Task<bool> RevokeAsync(long id, CancellationToken cancellationToken);

    /// <summary>Revokes every session of an agent (rekey, remove).</summary>
    Task<int> RevokeAgentSessionsAsync(long agentId, CancellationToken cancellationToken);

    /// <summary>Deletes tokens that expired before <paramref name="now"/>.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
