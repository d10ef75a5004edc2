namespace AssetBridge.Core.Runs;

/// <summary>How a run reads its source.</summary>
public enum SyncMode
{
    /// <summary>Reads what changed since the last completed position; never marks anything deleted.</summary>
    Incremental,
    /// <summary>Re-reads everything; the only mode that may mark records deleted, and only when it completed.</summary>
    Full,
}
