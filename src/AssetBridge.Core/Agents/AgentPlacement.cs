namespace AssetBridge.Core.Agents;

/// <summary>
/// Where a connector's jobs may run: pinned to one agent or to a cluster (at most one of the two), and a
/// default agent used when no suitable agent is Up. All null: any suitable agent, least loaded first.
/// </summary>
public sealed record AgentPlacement(string? PinnedAgent, string? PinnedCluster, string? DefaultAgent)
{
    public static readonly AgentPlacement Any = new(null, null, null);
}
