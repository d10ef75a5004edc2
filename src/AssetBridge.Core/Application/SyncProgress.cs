using AssetBridge.Core.Jobs;

namespace AssetBridge.Core.Application;

/// <summary>A snapshot of a running sync, for progress displays.</summary>
public sealed record SyncProgress(long RunId, IReadOnlyList<JobRecord> Jobs)
{
    public long RecordsApplied => Jobs.Sum(j => j.RecordsApplied);

    public int Finished => Jobs.Count(j => j.State is JobState.Processed or JobState.Error);
}
