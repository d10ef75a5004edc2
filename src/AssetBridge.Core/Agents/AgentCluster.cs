namespace AssetBridge.Core.Agents;

/// <summary>How a cluster picks among its members that are Up.</summary>
public enum ClusterMode
{
    /// <summary>The first member in order that is Up and suitable.</summary>
    Failover,
    /// <summary>The least loaded member that is Up and suitable.</summary>
    LoadBalance,
}

/// <summary>A named, ordered group of agents a connector can be pinned to (ServiceNow's MID cluster).</summary>
public sealed record AgentCluster(string Name, ClusterMode Mode, IReadOnlyList<string> Members);
