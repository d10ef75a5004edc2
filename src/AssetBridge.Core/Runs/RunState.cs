namespace AssetBridge.Core.Runs;

/// <summary>A sync run's state.</summary>
public enum RunState
{
    Running,
    /// <summary>Every job succeeded and the run was finalised (deletions applied for a full run).</summary>
    Completed,
    /// <summary>At least one job failed or the run was abandoned; nothing was deleted.</summary>
    Failed,
}
