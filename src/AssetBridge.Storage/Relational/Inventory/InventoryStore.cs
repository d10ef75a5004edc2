using AssetBridge.Core.Ingestion;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Storage;
using Dapper;

namespace AssetBridge.Storage.Relational.Inventory;

internal sealed class InventoryStore(RelationalDatabase database) : IInventoryStore, IAsyncDisposable
{
    private readonly ChunkIngester ingester = new(database);
    private readonly DeviceStream devices = new(database);
    private readonly CloudStream cloud = new(database);

    public Task<ChunkApplyResult> ApplyChunkAsync(ResultChunk chunk, CancellationToken cancellationToken) =>
        ingester.ApplyAsync(chunk, cancellationToken);

    /// <summary>Lets chunks already queued reach the database before the store closes.</summary>
    public ValueTask DisposeAsync() => ingester.DisposeAsync();

    public async Task<long> MarkUnseenDeletedAsync(long connectorId, EntityKind kind, long runId, DateTimeOffset deletedAt, CancellationToken cancellationToken)
    {
        // The caller decides that the run was full and complete; here only rows the run did not stamp
        // are marked, and rows already marked keep their original deletion time.
        var sql = $"""
            UPDATE {InventoryTables.Of(kind).Name} SET deleted_at = @at
            WHERE connector_id = @connectorId AND deleted_at IS NULL
              AND (last_seen_run IS NULL OR last_seen_run <> @runId)
            """;
        return await database.ExecuteAsync(sql, new { at = UnixTime.ToMilliseconds(deletedAt), connectorId, runId }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> MarkUnseenDeletedInScopeAsync(
        long connectorId, EntityKind kind, long runId, string keyPrefix, DateTimeOffset deletedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyPrefix);
        var table = InventoryTables.Of(kind);

        // "Starts with" as a comparison of the key's first characters with the prefix: LIKE would read
        // '_' and '%' in the prefix as wildcards, and on SQLite ignore ASCII case. substr counts code
        // points in both dialects, hence the rune count. The range condition lets the key index start
        // the scan at the prefix; it never excludes a match.
        var sql = $"""
            UPDATE {table.Name} SET deleted_at = @at
            WHERE connector_id = @connectorId AND deleted_at IS NULL
              AND (last_seen_run IS NULL OR last_seen_run <> @runId)
              AND {table.KeyColumn} >= @prefix AND substr({table.KeyColumn}, 1, @length) = @prefix
            """;
        var parameters = new
        {
            at = UnixTime.ToMilliseconds(deletedAt),
            connectorId,
            runId,
            prefix = keyPrefix,
            length = keyPrefix.EnumerateRunes().Count(),
        };
        return await database.ExecuteAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<StoredCloudVm> ReadCloudVmsAsync(long? connectorId, CancellationToken cancellationToken) =>
        cloud.ReadCloudVmsAsync(connectorId, cancellationToken);

    public IAsyncEnumerable<StoredVmInstance> ReadUnlinkedVmInstancesAsync(long? connectorId, CancellationToken cancellationToken) =>
        cloud.ReadUnlinkedVmInstancesAsync(connectorId, cancellationToken);

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
                (SELECT COUNT(*) FROM devices WHERE deleted_at IS NOT NULL{filter}) AS DeletedDevices,
                (SELECT COUNT(*) FROM vm_instances WHERE deleted_at IS NULL{filter}) AS VmInstances,
                (SELECT COUNT(*) FROM cloud_vms WHERE deleted_at IS NULL{filter}) AS CloudVms
            """;
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleAsync<(long Devices, long NetworkAdapters, long BusinessApplications, long Relationships, long DeletedDevices, long VmInstances, long CloudVms)>(
            new CommandDefinition(sql, new { connectorId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new InventoryCounts(row.Devices, row.NetworkAdapters, row.BusinessApplications, row.Relationships, row.DeletedDevices)
        {
            VmInstances = row.VmInstances,
            CloudVms = row.CloudVms,
        };
    }
}
