using AssetBridge.Core.Connectors;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Storage;

namespace AssetBridge.Core.Application;

/// <summary>
/// Adds, lists, finds and removes connectors. It reads credential metadata only, never a secret, so it
/// works without the master key.
/// </summary>
public sealed class ConnectorService
{
    private readonly IStore _store;
    private readonly CredentialService _credentials;
    private readonly TimeProvider _time;

    public ConnectorService(IStore store, CredentialService credentials, TimeProvider time)
    {
        _store = store;
        _credentials = credentials;
        _time = time;
    }

    /// <summary>Adds a connector whose kind-specific settings were validated by the kind's module.</summary>
    public async Task<Connector> AddAsync(string name, string kind, string target, string credentialNameOrId, string settingsJson, CancellationToken cancellationToken)
    {
        Names.Validate(name, "connector");
        var credential = await _credentials.GetAsync(credentialNameOrId, cancellationToken).ConfigureAwait(false);
        if (await _store.Connectors.FindAsync(name, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new AssetBridgeException(ErrorKind.Conflict, $"A connector named '{name}' already exists; choose another name or remove it first.");
        }

        return await _store.Connectors.AddAsync(new NewConnector(name, kind, target, credential.Id, settingsJson), _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<Connector>> ListAsync(CancellationToken cancellationToken) => _store.Connectors.ListAsync(cancellationToken);

    public async Task<Connector> GetAsync(string nameOrId, CancellationToken cancellationToken) =>
        await _store.Connectors.FindAsync(nameOrId, cancellationToken).ConfigureAwait(false)
        ?? throw new AssetBridgeException(ErrorKind.NotFound, $"No connector is named '{nameOrId}'; run 'assetbridge connector list' to see them.");

    /// <summary>Removes a connector with its inventory, runs and jobs.</summary>
    public async Task<Connector> RemoveAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var connector = await GetAsync(nameOrId, cancellationToken).ConfigureAwait(false);
        await _store.Connectors.RemoveAsync(connector.Id, cancellationToken).ConfigureAwait(false);
        return connector;
    }
}
