using System.Data.Common;
using System.Runtime.CompilerServices;
using AssetBridge.Core.Storage;

namespace AssetBridge.Storage.Relational.Inventory;

/// <summary>Streams the cloud side of the inventory, one row in memory at a time.</summary>
internal sealed class CloudStream(RelationalDatabase database)
{
    public IAsyncEnumerable<StoredCloudVm> ReadCloudVmsAsync(long? connectorId, CancellationToken cancellationToken) =>
        ReadAsync(CloudReadSql.CloudVms(connectorId is not null), connectorId, r => new StoredCloudVm(
            r.GetInt64(0), r.GetString(1), InventoryTables.CloudVms.Read(r, 3), UnixTime.FromMilliseconds(r.Number(2))), cancellationToken);

    public IAsyncEnumerable<StoredVmInstance> ReadUnlinkedVmInstancesAsync(long? connectorId, CancellationToken cancellationToken) =>
        ReadAsync(CloudReadSql.UnlinkedVmInstances(connectorId is not null), connectorId, r => new StoredVmInstance(
            r.GetInt64(0), r.GetString(1), InventoryTables.VmInstances.Read(r, 3), UnixTime.FromMilliseconds(r.Number(2))), cancellationToken);

    private async IAsyncEnumerable<T> ReadAsync<T>(string sql, long? connectorId, Func<DbDataReader, T> read, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = ReadCommand.Create(connection, sql, connectorId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return read(reader);
        }
    }
}
