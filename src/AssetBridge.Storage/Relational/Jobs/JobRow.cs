using AssetBridge.Core.Jobs;
using AssetBridge.Storage.Relational.Inventory;

namespace AssetBridge.Storage.Relational.Jobs;

/// <summary>A jobs row as Dapper reads it; also the shape a claim's RETURNING clause fills.</summary>
internal sealed class JobRow
{
    public const string Columns = """
        id AS Id, run_id AS RunId, connector_id AS ConnectorId, operation AS Operation, scope AS Scope, kind AS Kind,
        credential_id AS CredentialId, parameters AS Parameters, target AS Target, state AS State, attempts AS Attempts,
        lease_owner AS LeaseOwner, lease_token AS LeaseToken, lease_expires_at AS LeaseExpiresAt,
        records_applied AS RecordsApplied, outcome_json AS OutcomeJson, error AS Error,
        created_at AS CreatedAt, updated_at AS UpdatedAt, assigned_agent AS AssignedAgent, wait_reason AS WaitReason
        """;

    public long Id { get; set; }
    public long RunId { get; set; }
    public long ConnectorId { get; set; }
    public string Operation { get; set; } = string.Empty;
    public string Scope { get; set; } = string.Empty;
    public string? Kind { get; set; }
    public long? CredentialId { get; set; }
    public string Parameters { get; set; } = string.Empty;
    public string? Target { get; set; }
    public string State { get; set; } = string.Empty;
    public long Attempts { get; set; }
    public string? LeaseOwner { get; set; }
    public string? LeaseToken { get; set; }
    public long? LeaseExpiresAt { get; set; }
    public long RecordsApplied { get; set; }
    public string? OutcomeJson { get; set; }
    public string? Error { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
    public string? AssignedAgent { get; set; }
    public string? WaitReason { get; set; }

    public JobTicket ToTicket() =>
        new(Id, RunId, ConnectorId, OperationKey.Parse(Operation), Scope, CredentialId, Parameters, Target);

    public JobLease ToLease() => new(
        ToTicket(),
        checked((int)Attempts),
        Guid.Parse(LeaseToken ?? throw new InvalidDataException($"Job {Id} was claimed without a lease token.")),
        LeaseOwner ?? string.Empty,
        UnixTime.FromMilliseconds(LeaseExpiresAt ?? 0));

    public JobRecord ToRecord() => new(
        Id,
        RunId,
        ConnectorId,
        OperationKey.Parse(Operation),
        Scope,
        Kind is null ? null : EntityKindNames.Parse(Kind),
        JobStateNames.Parse(State),
        checked((int)Attempts),
        LeaseOwner,
        UnixTime.FromMilliseconds(LeaseExpiresAt),
        RecordsApplied,
        JobOutcomeJson.Read(OutcomeJson),
        Error,
        UnixTime.FromMilliseconds(CreatedAt),
        UnixTime.FromMilliseconds(UpdatedAt))
    {
        Target = Target,
        AssignedAgent = AssignedAgent,
        WaitReason = WaitReason,
    };
}
