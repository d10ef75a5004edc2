namespace AssetBridge.Core.Agents;

/// <summary>An agent's status as operators see it, named as ServiceNow names MID Server statuses.</summary>
public enum AgentStatus
{
    /// <summary>Heartbeating and accepting work.</summary>
    Up,
    /// <summary>No heartbeat within the configured window; its jobs are re-homed.</summary>
    Down,
    /// <summary>Set by an admin: heartbeats, but gets no new work.</summary>
    Paused,
    /// <summary>Finishing or handing back what it holds before it stops; gets no new work.</summary>
    Draining,
}

/// <summary>What an admin (or the agent itself, when it drains) has set; <see cref="AgentStatus"/> adds Down from the heartbeat.</summary>
public enum AgentMode
{
    Active,
    Paused,
    Draining,
}
