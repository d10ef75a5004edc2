namespace AssetBridge.Core.Jobs;

/// <summary>A job's state, named as in ServiceNow's ECC queue.</summary>
public enum JobState
{
    /// <summary>Waiting for an agent to claim it.</summary>
    Ready,
    /// <summary>Leased to an agent; the lease expires unless the agent heartbeats.</summary>
    Processing,
    /// <summary>Finished; its outcome is recorded.</summary>
    Processed,
    /// <summary>Failed for good; its error text says why.</summary>
    Error,
}
