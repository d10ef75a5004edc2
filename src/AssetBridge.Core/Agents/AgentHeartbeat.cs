namespace AssetBridge.Core.Agents;

/// <summary>The heartbeat rules shared by the server, the admin views and the agent.</summary>
public static class AgentHeartbeat
{
    /// <summary>How often an agent heartbeats. Default 15 s.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(15);

    /// <summary>
    /// An agent with no heartbeat for this long is Down and its jobs are re-homed. Default 60 s: four
    /// missed heartbeats, so one slow request never fails an agent over.
    /// </summary>
    public static readonly TimeSpan DefaultDownAfter = TimeSpan.FromSeconds(60);
}
