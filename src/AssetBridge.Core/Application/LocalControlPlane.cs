using System.Runtime.CompilerServices;
using AssetBridge.Core.Agents;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Runs;
using AssetBridge.Core.Storage;

namespace AssetBridge.Core.Application;

/// <summary>
/// The control plane over a store: the application services composed once. The CLI uses it on its own
/// data directory and the server's admin API uses it for every request, so each action has one path.
/// </summary>
public sealed partial class LocalControlPlane : IControlPlane
{
    /// <summary>The shortest schedule: a connector synced more often than this would mostly wait on itself.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(1);

    private readonly IStore _store;
    private readonly ICredentialVault _vault;
    private readonly IConnectorCatalog _catalog;
    private readonly SyncService _sync;
    private readonly RunFinalizer _finalizer;
    private readonly TimeProvider _time;
    private readonly CredentialService _credentials;
    private readonly ConnectorService _connectors;
    private readonly InventoryReader _inventory;

    public LocalControlPlane(IStore store, ICredentialVault vault, IConnectorCatalog catalog, SyncService sync, RunFinalizer finalizer, TimeProvider time)
    {
        _store = store;
        _vault = vault;
        _catalog = catalog;
        _sync = sync;
        _finalizer = finalizer;
        _time = time;
        _credentials = new CredentialService(vault);
        _connectors = new ConnectorService(store, _credentials, time);
        _inventory = new InventoryReader(store);
    }

    public Task<CredentialInfo> AddCredentialAsync(CredentialDraft draft, CancellationToken cancellationToken) =>
        _credentials.AddAsync(draft.Name, draft.Type, draft.Attributes, draft.Secret, cancellationToken);

    public Task<IReadOnlyList<CredentialInfo>> ListCredentialsAsync(CancellationToken cancellationToken) => _credentials.ListAsync(cancellationToken);

    public Task<CredentialInfo> RemoveCredentialAsync(string nameOrId, CancellationToken cancellationToken) => _credentials.RemoveAsync(nameOrId, cancellationToken);

    public async Task<Connector> AddConnectorAsync(ConnectorDraft draft, CancellationToken cancellationToken)
    {
        var (target, settings) = _catalog.Describe(draft);
        await CheckCredentialKindAsync(draft, cancellationToken).ConfigureAwait(false);
        CheckInterval(draft.Every);
        CheckPlacement(draft.Placement);
        var connector = await _connectors.AddAsync(draft.Name, draft.Kind, target, draft.Credential, settings, cancellationToken).ConfigureAwait(false);
        if (draft.Every is { } every)
        {
            await _store.Connectors.SetScheduleAsync(connector.Id, every, _time.GetUtcNow() + every, cancellationToken).ConfigureAwait(false);
        }

        if (draft.Placement != AgentPlacement.Any)
        {
            await _store.Connectors.SetPlacementAsync(connector.Id, draft.Placement, cancellationToken).ConfigureAwait(false);
        }

        return await _connectors.GetAsync(connector.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<Connector>> ListConnectorsAsync(CancellationToken cancellationToken) => _connectors.ListAsync(cancellationToken);

    public Task<Connector> GetConnectorAsync(string nameOrId, CancellationToken cancellationToken) => _connectors.GetAsync(nameOrId, cancellationToken);

    public async IAsyncEnumerable<ProbeCheck> TestConnectorAsync(string nameOrId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connector = await _connectors.GetAsync(nameOrId, cancellationToken).ConfigureAwait(false);
        await foreach (var check in _catalog.TestAsync(connector, _vault, cancellationToken).ConfigureAwait(false))
        {
            yield return check;
        }
    }

    public Task<Connector> RemoveConnectorAsync(string nameOrId, CancellationToken cancellationToken) => _connectors.RemoveAsync(nameOrId, cancellationToken);

    public async Task<Connector> ScheduleConnectorAsync(string nameOrId, TimeSpan? every, CancellationToken cancellationToken)
    {
        CheckInterval(every);
        var connector = await _connectors.GetAsync(nameOrId, cancellationToken).ConfigureAwait(false);
        await _store.Connectors.SetScheduleAsync(connector.Id, every, every is { } e ? _time.GetUtcNow() + e : null, cancellationToken).ConfigureAwait(false);
        return await _connectors.GetAsync(nameOrId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Connector> PlaceConnectorAsync(string nameOrId, AgentPlacement placement, CancellationToken cancellationToken)
    {
        CheckPlacement(placement);
        var connector = await _connectors.GetAsync(nameOrId, cancellationToken).ConfigureAwait(false);
        await _store.Connectors.SetPlacementAsync(connector.Id, placement, cancellationToken).ConfigureAwait(false);
        return await _connectors.GetAsync(nameOrId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StartedRun> StartSyncAsync(string connectorNameOrId, SyncMode mode, CancellationToken cancellationToken)
    {
        var connector = await _connectors.GetAsync(connectorNameOrId, cancellationToken).ConfigureAwait(false);
        return await _sync.StartAsync(connector, mode, cancellationToken).ConfigureAwait(false);
    }

    public async Task<RunStatus> GetRunAsync(long runId, CancellationToken cancellationToken)
    {
        // Finalizing here is idempotent; it ends a run whose last job finished on an agent that could not.
        var run = await _finalizer.TryFinalizeAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new AssetBridgeException(ErrorKind.NotFound, $"No run has id {runId}; run 'assetbridge runs' to see them.");
        var jobs = await _store.Jobs.ListByRunAsync(runId, cancellationToken).ConfigureAwait(false);
        return new RunStatus(run, jobs);
    }

    public async Task<IReadOnlyList<SyncRun>> ListRunsAsync(string? connectorNameOrId, int limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 10_000)
        {
            throw new AssetBridgeException(ErrorKind.Usage, "--limit must be between 1 and 10000.");
        }

        var connectorId = connectorNameOrId is { } name
            ? (await _connectors.GetAsync(name, cancellationToken).ConfigureAwait(false)).Id
            : (long?)null;
        return await _store.Runs.ListAsync(connectorId, limit, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<InventoryEntry> ReadDevicesAsync(DeviceFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (filter.MinCriticality is < CriticalityScale.VeryHigh or > CriticalityScale.Low)
        {
            throw new AssetBridgeException(ErrorKind.Usage, $"--min-criticality must be 0 (very high) to 3 (low), not {filter.MinCriticality}.");
        }

        var connectorId = filter.Connector is { } name
            ? (await _connectors.GetAsync(name, cancellationToken).ConfigureAwait(false)).Id
            : (long?)null;
        await foreach (var entry in _inventory.ReadAsync(new DeviceQuery(connectorId, filter.IncludeDeleted), filter.MinCriticality, cancellationToken).ConfigureAwait(false))
        {
            if (filter.InternetFacingOnly && !entry.Exposure.InternetFacing)
            {
                continue;
            }

            yield return entry;
        }
    }

    /// <summary>A connector reads its source with a credential of its own kind (servicenow-*, azure-*); anything else fails at the first job.</summary>
    private async Task CheckCredentialKindAsync(ConnectorDraft draft, CancellationToken cancellationToken)
    {
        if (await _vault.FindAsync(draft.Credential, cancellationToken).ConfigureAwait(false) is { } credential
            && !credential.Type.StartsWith(draft.Kind.ToLowerInvariant() + "-", StringComparison.Ordinal))
        {
            throw new AssetBridgeException(
                ErrorKind.Usage,
                $"Credential '{credential.Name}' is a {credential.Type} credential, which a {draft.Kind.ToLowerInvariant()} connector cannot use; add a {draft.Kind.ToLowerInvariant()}-* credential with 'assetbridge credential add' and name it.");
        }
    }

    private static void CheckInterval(TimeSpan? every)
    {
        if (every is { } e && e < MinimumInterval)
        {
            throw new AssetBridgeException(ErrorKind.Usage, $"--every must be at least {DurationText.Format(MinimumInterval)}, not {DurationText.Format(e)}.");
        }
    }

    private static void CheckPlacement(AgentPlacement placement)
    {
        if (placement.PinnedAgent is not null && placement.PinnedCluster is not null)
        {
            throw new AssetBridgeException(ErrorKind.Usage, "Pin a connector to an agent (--agent) or to a cluster (--cluster), not both.");
        }
    }
}
