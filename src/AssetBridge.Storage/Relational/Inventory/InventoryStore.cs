using AssetBridge.Core.Ingestion;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Storage;
using Dapper;

namespace AssetBridge.Storage.Relational.Inventory;

internal sealed class InventoryStore(RelationalDatabase database) : IInventoryStore, IAsyncDisposable
{
    private readonly ChunkIngester ingester = new(database);
    private readonly DeviceStream devices = new(database);

    public Task<ChunkApplyResult> ApplyChunkAsync(ResultChunk chunk, CancellationToken cancellationToken) =>
        ingester.ApplyAsync(chunk, cancellationToken);

    /// <summary>Lets chunks already queued reach the database before the store closes.</summary>
    public ValueTask DisposeAsync() => ingester.DisposeAsync();

    public async Task<long> MarkUnseenDeletedAsync(long connectorId, EntityKind kind, long runId, DateTimeOffset deletedAt, CancellationToken cancellationToken)
    {
        // The caller decides that the run was full and complete; here only rows the run did not stamp
        // are marked, and rows already marked keep their original deletion time.
        var sql = $"""
            UPDATE {InventoryTables.NameOf(kind)} SET deleted_at = @at
            WHERE connector_id = @connectorId AND deleted_at IS NULL
              AND (last_seen_run IS NULL OR last_seen_run <> @runId)
            """;
        await using var session = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var marked = await session.Connection.ExecuteAsync(new CommandDefinition(
            sql, new { at = UnixTime.ToMilliseconds(deletedAt), connectorId, runId }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        return marked;
    }

    public IAsyncEnumerable<StoredDevice> ReadDevicesAsync(DeviceQuery query, CancellationToken cancellationToken) =>
        devices.ReadAsync(query, cancellationToken);

    public async Task<IReadOnlyDictionary<string, BusinessApplication>> ReadApplicationsAsync(long connectorId, CancellationToken cancellationToken)
    {
        var table = InventoryTables.BusinessApplications;
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {table.RecordColumns} FROM {table.Name}
            WHERE connector_id = @connectorId AND deleted_at IS NULL
            ORDER BY sys_id, source_table
            """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "connectorId";
        parameter.Value = connectorId;
        command.Parameters.Add(parameter);

        var applications = new Dictionary<string, BusinessApplication>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var application = table.Read(reader, 0);
            applications.TryAdd(application.SysId, application);
        }

        return applications;
    }

    public async Task<InventoryCounts> CountAsync(long? connectorId, CancellationToken cancellationToken)
    {
        var filter = connectorId is null ? string.Empty : " AND connector_id = @connectorId";
        var sql = $"""
            SELECT
                (SELECT COUNT(*) FROM devices WHERE deleted_at IS NULL{filter}) AS Devices,
                (SELECT COUNT(*) FROM network_adapters WHERE deleted_at IS NULL{filter}) AS NetworkAdapters,
                (SELECT COUNT(*) FROM business_applications WHERE deleted_at IS NULL{filter}) AS BusinessApplications,
                (SELECT COUNT(*) FROM relationships WHERE deleted_at IS NULL{filter}) AS Relationships,
                (SELECT COUNT(*) FROM devices WHERE deleted_at IS NOT NULL{filter}) AS DeletedDevices
            """;
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleAsync<(long Devices, long NetworkAdapters, long BusinessApplications, long Relationships, long DeletedDevices)>(
            new CommandDefinition(sql, new { connectorId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new InventoryCounts(row.Devices, row.NetworkAdapters, row.BusinessApplications, row.Relationships, row.DeletedDevices);
    }
}
