namespace AssetBridge.Core.Jobs;

/// <summary>Everything an agent needs to run a job, as it travels to the agent (no secret inside).</summary>
public sealed record JobTicket(
    long JobId,
    long RunId,
    long ConnectorId,
    OperationKey Operation,
    string Scope,
    long? CredentialId,
    string Parameters,
    string? Target);
