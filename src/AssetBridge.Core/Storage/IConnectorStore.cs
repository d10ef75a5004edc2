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

    /// <summary>Sets (or clears, with null) how often the connector is synced and when next.</summary>
    Task<bool> SetScheduleAsync(long id, TimeSpan? every, DateTimeOffset? nextRunAt, CancellationToken cancellationToken);

    /// <summary>Sets which agents may run the connector's jobs.</summary>
    Task<bool> SetPlacementAsync(long id, Agents.AgentPlacement placement, CancellationToken cancellationToken);

    /// <summary>Scheduled connectors whose next run is at or before <paramref name="now"/>.</summary>
    Task<IReadOnlyList<Connector>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the next run time from <paramref name="expected"/> to <paramref name="next"/> in one
    /// compare-and-set; true for exactly one caller, so one replica starts a due run.
    /// </summary>
    Task<bool> AdvanceScheduleAsync(long id, DateTimeOffset expected, DateTimeOffset next, CancellationToken cancellationToken);
}
