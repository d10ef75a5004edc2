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
    DateTimeOffset UpdatedAt)
{
    /// <summary>The host the job contacts, for agent selection by IP range.</summary>
    public string? Target { get; init; }

    /// <summary>The agent the job is queued for (or held by); null while no agent has been selected.</summary>
    public string? AssignedAgent { get; init; }

    /// <summary>Why the job is waiting for an agent, when the selector found none.</summary>
    public string? WaitReason { get; init; }
}
