namespace AssetBridge.Core.Runs;

/// <summary>One pass over a connector: its mode, state, counts and, when it failed, why.</summary>
public sealed record SyncRun(
    long Id,
    long ConnectorId,
    string ConnectorName,
    SyncMode Mode,
    RunState State,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    RunCounts Counts,
    string? Error);
