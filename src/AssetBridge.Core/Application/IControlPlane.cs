using AssetBridge.Core.Agents;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Runs;

namespace AssetBridge.Core.Application;

/// <summary>
/// Every action an operator can take, whichever front asks: the CLI on its own data directory, the CLI
/// against a server, or the server's admin API. One implementation works on a store
/// (<see cref="LocalControlPlane"/>); the CLI's remote one calls the admin API, which calls the local one.
/// Failures are <see cref="Errors.AssetBridgeException"/>s carrying the sentence the user reads.
/// </summary>
public interface IControlPlane
{
    Task<CredentialInfo> AddCredentialAsync(CredentialDraft draft, CancellationToken cancellationToken);

    Task<IReadOnlyList<CredentialInfo>> ListCredentialsAsync(CancellationToken cancellationToken);

    Task<CredentialInfo> RemoveCredentialAsync(string nameOrId, CancellationToken cancellationToken);

    Task<Connector> AddConnectorAsync(ConnectorDraft draft, CancellationToken cancellationToken);

    Task<IReadOnlyList<Connector>> ListConnectorsAsync(CancellationToken cancellationToken);

    Task<Connector> GetConnectorAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>Checks the connector step by step (DNS, TLS, authentication, read access), one check at a time.</summary>
    IAsyncEnumerable<ProbeCheck> TestConnectorAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>Removes the connector with its inventory, runs and jobs.</summary>
    Task<Connector> RemoveConnectorAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>Syncs the connector every <paramref name="every"/> from now on; null turns the schedule off.</summary>
    Task<Connector> ScheduleConnectorAsync(string nameOrId, TimeSpan? every, CancellationToken cancellationToken);

    /// <summary>Sets which agents may run the connector's jobs.</summary>
    Task<Connector> PlaceConnectorAsync(string nameOrId, AgentPlacement placement, CancellationToken cancellationToken);

    /// <summary>Starts a run of the connector (or resumes one a stopped process left); the agents run its jobs.</summary>
    Task<StartedRun> StartSyncAsync(string connectorNameOrId, SyncMode mode, CancellationToken cancellationToken);

    /// <summary>The run with its jobs (state, assigned agent, wait reason); a run whose jobs are all done is finalized first.</summary>
    Task<RunStatus> GetRunAsync(long runId, CancellationToken cancellationToken);

    /// <summary>Runs newest first, optionally of one connector; <paramref name="limit"/> is 1-10000.</summary>
    Task<IReadOnlyList<SyncRun>> ListRunsAsync(string? connectorNameOrId, int limit, CancellationToken cancellationToken);

    /// <summary>The inventory, streamed one device at a time.</summary>
    IAsyncEnumerable<InventoryEntry> ReadDevicesAsync(DeviceFilter filter, CancellationToken cancellationToken);

    Task<IReadOnlyList<AgentView>> ListAgentsAsync(CancellationToken cancellationToken);

    /// <summary>Approves, pauses, resumes, removes or rekeys an agent; returns it as it was afterwards (before, for remove).</summary>
    Task<AgentView> ChangeAgentAsync(string nameOrId, AgentAction action, CancellationToken cancellationToken);

    /// <summary>A one-time enrolment token; this is the only time it is visible.</summary>
    Task<EnrollmentToken> CreateEnrollmentTokenAsync(TimeSpan expiresIn, bool autoApprove, CancellationToken cancellationToken);

    Task<AgentCluster> SaveClusterAsync(AgentCluster cluster, CancellationToken cancellationToken);

    Task<IReadOnlyList<AgentCluster>> ListClustersAsync(CancellationToken cancellationToken);

    Task RemoveClusterAsync(string name, CancellationToken cancellationToken);
}
