using AssetBridge.Core.Connectors;
using AssetBridge.Core.Inventory;

namespace AssetBridge.Core.Storage;

/// <summary>Stores connectors and their incremental watermarks.</summary>
public interface IConnectorStore
{
    /// <summary>Adds a connector; a name already in use is a conflict.</summary>
    Task<Connector> AddAsync(NewConnector connector, DateTimeOffset createdAt, CancellationToken cancellationToken);

    Task<IReadOnlyList<Connector>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Finds a connector by name, or by id when the text is a number.</summary>
    Task<Connector?> FindAsync(string nameOrId, CancellationToken cancellationToken);

    Task<Connector?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Removes a connector with its inventory, runs, jobs and watermarks.</summary>
    Task<bool> RemoveAsync(long id, CancellationToken cancellationToken);

    /// <summary>Whether any connector uses the credential.</summary>
    Task<bool> IsCredentialInUseAsync(long credentialId, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, Watermark>> GetWatermarksAsync(long connectorId, CancellationToken cancellationToken);

    Task SetWatermarkAsync(long connectorId, string scope, Watermark watermark, CancellationToken cancellationToken);
}
