namespace AssetBridge.Core.Access;

/// <summary>
/// A bearer token as stored: only the SHA-256 of the token, never the token itself.
/// <paramref name="AgentId"/> is the agent an agent session belongs to; <paramref name="AutoApprove"/>
/// marks an enrolment token whose agent needs no approval.
/// </summary>
public sealed record StoredToken(
    long Id,
    TokenKind Kind,
    string Hash,
    string Description,
    long? AgentId,
    bool AutoApprove,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? UsedAt);

/// <summary>A token to store; the store assigns the id.</summary>
public sealed record NewToken(TokenKind Kind, string Hash, string Description, long? AgentId, bool AutoApprove, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);
