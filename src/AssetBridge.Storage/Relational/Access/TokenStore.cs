using AssetBridge.Core.Access;
using Dapper;

namespace AssetBridge.Storage.Relational.Access;

/// <summary>Hashed bearer tokens. The token itself is never stored; look-ups are by its SHA-256.</summary>
internal sealed class TokenStore(RelationalDatabase database) : ITokenStore
{
    private const string SelectColumns = """
        SELECT id AS Id, kind AS Kind, hash AS Hash, description AS Description, agent_id AS AgentId,
               auto_approve AS AutoApprove, created_at AS CreatedAt, expires_at AS ExpiresAt, used_at AS UsedAt
        FROM tokens
        """;

    public async Task<StoredToken> CreateAsync(NewToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        await using var session = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var id = await session.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO tokens (kind, hash, description, agent_id, auto_approve, created_at, expires_at, used_at)
            VALUES (@kind, @Hash, @Description, @AgentId, @autoApprove, @createdAt, @expiresAt, NULL)
            RETURNING id
            """,
            new
            {
                kind = KindName(token.Kind),
                token.Hash,
                token.Description,
                token.AgentId,
                autoApprove = token.AutoApprove ? 1L : 0L,
                createdAt = UnixTime.ToMilliseconds(token.CreatedAt),
                expiresAt = UnixTime.ToMilliseconds(token.ExpiresAt),
            },
            session.Transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new StoredToken(id, token.Kind, token.Hash, token.Description, token.AgentId, token.AutoApprove,
            UnixTime.FromMilliseconds(UnixTime.ToMilliseconds(token.CreatedAt)), UnixTime.FromMilliseconds(UnixTime.ToMilliseconds(token.ExpiresAt)), null);
    }

    public async Task<StoredToken?> FindAsync(string hash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<TokenRow>(new CommandDefinition(
            SelectColumns + " WHERE hash = @hash AND (expires_at IS NULL OR expires_at > @now)",
            new { hash, now = UnixTime.ToMilliseconds(now) },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToToken();
    }

    public async Task<bool> ConsumeAsync(string hash, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "UPDATE tokens SET used_at = @now WHERE hash = @hash AND used_at IS NULL AND (expires_at IS NULL OR expires_at > @now)",
            new { hash, now = UnixTime.ToMilliseconds(now) },
            cancellationToken).ConfigureAwait(false) == 1;

    public async Task<IReadOnlyList<StoredToken>> ListAsync(IReadOnlyCollection<TokenKind> kinds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<TokenRow>(new CommandDefinition(
            SelectColumns + " ORDER BY id DESC", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToToken()).Where(t => kinds.Count == 0 || kinds.Contains(t.Kind)).ToList();
    }

    public async Task<bool> RevokeAsync(long id, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("DELETE FROM tokens WHERE id = @id", new { id }, cancellationToken).ConfigureAwait(false) > 0;

    public Task<int> RevokeAgentSessionsAsync(long agentId, CancellationToken cancellationToken) =>
        database.ExecuteAsync("DELETE FROM tokens WHERE agent_id = @agentId AND kind = 'agent-session'", new { agentId }, cancellationToken);

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ExecuteAsync("DELETE FROM tokens WHERE expires_at IS NOT NULL AND expires_at <= @now", new { now = UnixTime.ToMilliseconds(now) }, cancellationToken);

    internal static string KindName(TokenKind kind) => kind switch
    {
        TokenKind.Admin => "admin",
        TokenKind.Reader => "reader",
        TokenKind.Enrollment => "enrollment",
        TokenKind.AgentSession => "agent-session",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private sealed class TokenRow
    {
        public long Id { get; set; }
        public string Kind { get; set; } = string.Empty;
        public string Hash { get; set; } = string.Empty;
        public string Description { get; set; } = string.Empty;
        public long? AgentId { get; set; }
        public long AutoApprove { get; set; }
        public long CreatedAt { get; set; }
        public long? ExpiresAt { get; set; }
        public long? UsedAt { get; set; }

        public StoredToken ToToken() => new(
            Id,
            Kind switch
            {
                "admin" => TokenKind.Admin,
                "reader" => TokenKind.Reader,
                "enrollment" => TokenKind.Enrollment,
                "agent-session" => TokenKind.AgentSession,
                _ => throw new InvalidDataException($"Token {Id} has unknown kind '{Kind}'."),
            },
            Hash,
            Description,
            AgentId,
            AutoApprove != 0,
            UnixTime.FromMilliseconds(CreatedAt),
            UnixTime.FromMilliseconds(ExpiresAt),
            UnixTime.FromMilliseconds(UsedAt));
    }
}
