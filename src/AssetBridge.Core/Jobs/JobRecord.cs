namespace AssetBridge.Core.Jobs;

/// <summary>A job as stored, for status displays and run bookkeeping.</summary>
public sealed record JobRecord(
    long Id,
    long RunId,
    long ConnectorId,
    OperationKey Operation,
    string Scope,
    Inventory.EntityKind? Kind,
    JobState State,
    int Attempts,
    string? LeaseOwner,
    DateTimeOffset? LeaseExpiresAt,
    long RecordsApplied,
    JobOutcome? Outcome,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
