namespace AssetBridge.Core.Agents;

/// <summary>Enrolled agents and clusters. Status (Up/Down) is derived from <c>LastSeenAt</c>, never stored.</summary>
public interface IAgentStore
{
    /// <summary>Registers an agent; a name in use is a conflict.</summary>
    Task<AgentRecord> RegisterAsync(NewAgent agent, DateTimeOffset enrolledAt, CancellationToken cancellationToken);

    /// <summary>Inserts or refreshes the embedded agent of a server process (approved, capability ALL, every address).</summary>
    Task<AgentRecord> UpsertEmbeddedAsync(string name, string? host, string? version, DateTimeOffset now, CancellationToken cancellationToken);

    Task<AgentRecord?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>By name, or by id when the text is a number.</summary>
    Task<AgentRecord?> FindAsync(string nameOrId, CancellationToken cancellationToken);

    Task<IReadOnlyList<AgentRecord>> ListAsync(CancellationToken cancellationToken);

    Task<bool> SetApprovedAsync(long id, bool approved, CancellationToken cancellationToken);

    Task<bool> SetModeAsync(long id, AgentMode mode, CancellationToken cancellationToken);

    /// <summary>Heartbeat: stamps <c>LastSeenAt</c>.</summary>
    Task<bool> TouchAsync(long id, DateTimeOffset seenAt, CancellationToken cancellationToken);

    /// <summary>Rekey: replaces both public keys and increments the key version.</summary>
    Task<bool> ReplaceKeysAsync(long id, byte[] signingKey, byte[] sealingKey, CancellationToken cancellationToken);

    /// <summary>Removes the agent and its cluster memberships.</summary>
    Task<bool> RemoveAsync(long id, CancellationToken cancellationToken);

    /// <summary>Creates or replaces a cluster.</summary>
    Task SaveClusterAsync(AgentCluster cluster, CancellationToken cancellationToken);

    Task<AgentCluster?> FindClusterAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<AgentCluster>> ListClustersAsync(CancellationToken cancellationToken);

    Task<bool> RemoveClusterAsync(string name, CancellationToken cancellationToken);
}
