namespace AssetBridge.Core.Jobs;

/// <summary>
/// A job to enqueue. It carries the credential's id only, never its secret. <paramref name="Scope"/>
/// names what the job covers (a source table, a subscription); <paramref name="Kind"/> is the kind of record it yields; <paramref name="Parameters"/> is the
/// JSON the operation handler reads; <paramref name="Target"/> is the host the job will contact.
/// </summary>
public sealed record NewJob(
    long RunId,
    long ConnectorId,
    OperationKey Operation,
    string Scope,
    long? CredentialId,
    string Parameters,
    string? Target,
    Inventory.EntityKind? Kind);
