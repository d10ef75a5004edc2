using System.Data.Common;
using System.Runtime.CompilerServices;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Storage;

namespace AssetBridge.Storage.Relational.Inventory;

/// <summary>
/// Streams devices with their adapters, application links and VM instances. Ordered queries on
/// connections of their own are merge-joined here, so memory holds one device's rows at a time
/// whatever the size of the inventory. Each stream reads its own snapshot; a sync committing meanwhile
/// can at worst make one device show its adapters from just before or after that commit.
/// </summary>
internal sealed class DeviceStream(RelationalDatabase database)
{
    private static readonly IReadOnlyList<NetworkAdapter> NoAdapters = [];
    private static readonly IReadOnlyList<string> NoApplications = [];
    private static readonly IReadOnlyList<VmInstance> NoVmInstances = [];

    public async IAsyncEnumerable<StoredDevice> ReadAsync(DeviceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var oneConnector = query.ConnectorId is not null;

        await using var deviceConnection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var adapterConnection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var linkConnection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var vmConnection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);

        var names = await ReadConnectorNamesAsync(deviceConnection, cancellationToken).ConfigureAwait(false);

        // Most CMDBs hold no VM instances (no cloud discovery): their device read skips that query altogether.
        var withVmInstances = await AnyLiveVmInstanceAsync(vmConnection, oneConnector, query.ConnectorId, cancellationToken).ConfigureAwait(false);

        await using var deviceCommand = ReadCommand.Create(deviceConnection, DeviceReadSql.Devices(oneConnector, query.IncludeDeleted), query.ConnectorId);
        await using var adapterCommand = ReadCommand.Create(adapterConnection, DeviceReadSql.Adapters(oneConnector), query.ConnectorId);
        await using var linkCommand = ReadCommand.Create(linkConnection, DeviceReadSql.ApplicationLinks(oneConnector, query.IncludeDeleted), query.ConnectorId);

        await using var deviceReader = await deviceCommand.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var adapterReader = await adapterCommand.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var linkReader = await linkCommand.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var vmCommand = ReadCommand.Create(vmConnection, DeviceReadSql.VmInstanceLinks(oneConnector), query.ConnectorId);
        await using var vmReader = withVmInstances ? await vmCommand.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false) : null;

        var adapters = new RowCursor<DeviceKeyed<NetworkAdapter>>(adapterReader, r =>
        {
            var adapter = InventoryTables.NetworkAdapters.Read(r, 1);
            return new DeviceKeyed<NetworkAdapter>(r.GetInt64(0), adapter.DeviceSysId!, adapter);
        });
        var links = new RowCursor<DeviceKeyed<string>>(linkReader, r => new DeviceKeyed<string>(r.GetInt64(0), r.GetString(1), r.GetString(2)));
        var vmInstances = vmReader is null
            ? null
            : new RowCursor<DeviceKeyed<VmInstance>>(vmReader, r => new DeviceKeyed<VmInstance>(r.GetInt64(0), r.GetString(1), InventoryTables.VmInstances.Read(r, 2)));
        await adapters.MoveNextAsync(cancellationToken).ConfigureAwait(false);
        await links.MoveNextAsync(cancellationToken).ConfigureAwait(false);
        if (vmInstances is not null)
        {
            await vmInstances.MoveNextAsync(cancellationToken).ConfigureAwait(false);
        }

        long? lastConnector = null;
        string? lastSysId = null;
        var deviceAdapters = NoAdapters;
        var deviceLinks = NoApplications;
        var deviceVmInstances = NoVmInstances;
        while (await deviceReader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var connectorId = deviceReader.GetInt64(0);
            var sourceTable = deviceReader.GetString(1);
            var deletedAt = UnixTime.FromMilliseconds(deviceReader.Number(2));
            var device = InventoryTables.Devices.Read(deviceReader, 3);

            // Rows of the same sys_id from different source tables are adjacent and share what was collected.
            if (connectorId != lastConnector || !string.Equals(device.SysId, lastSysId, StringComparison.Ordinal))
            {
                deviceAdapters = await CollectAsync(adapters, connectorId, device.SysId, NoAdapters, distinct: false, cancellationToken).ConfigureAwait(false);
                deviceLinks = await CollectAsync(links, connectorId, device.SysId, NoApplications, distinct: true, cancellationToken).ConfigureAwait(false);
                deviceVmInstances = vmInstances is null
                    ? NoVmInstances
                    : await CollectAsync(vmInstances, connectorId, device.SysId, NoVmInstances, distinct: true, cancellationToken).ConfigureAwait(false);
                lastConnector = connectorId;
                lastSysId = device.SysId;
            }

            var name = names.TryGetValue(connectorId, out var known) ? known : string.Empty;
            yield return new StoredDevice(connectorId, name, sourceTable, device, deletedAt, deviceAdapters, deviceLinks) { VmInstances = deviceVmInstances };
        }
    }

    /// <summary>Skips rows of devices before this one (adapters of devices not read), then takes this device's rows.</summary>
    private static async ValueTask<IReadOnlyList<T>> CollectAsync<T>(
        RowCursor<DeviceKeyed<T>> cursor, long connectorId, string sysId, IReadOnlyList<T> none, bool distinct, CancellationToken cancellationToken)
    {
        while (cursor.HasCurrent && cursor.Current.CompareTo(connectorId, sysId) < 0)
        {
            await cursor.MoveNextAsync(cancellationToken).ConfigureAwait(false);
        }

        // Within a device the rows are ordered too, so a link found twice (an application or a VM
        // instance linked both ways) arrives as adjacent rows; with distinct, only the first is kept.
        List<T>? found = null;
        while (cursor.HasCurrent && cursor.Current.CompareTo(connectorId, sysId) == 0)
        {
            var value = cursor.Current.Value;
            if (found is null || !distinct || !EqualityComparer<T>.Default.Equals(found[^1], value))
            {
                (found ??= []).Add(value);
            }

            await cursor.MoveNextAsync(cancellationToken).ConfigureAwait(false);
        }

        return found ?? none;
    }

    private static async Task<bool> AnyLiveVmInstanceAsync(DbConnection connection, bool oneConnector, long? connectorId, CancellationToken cancellationToken)
    {
        await using var command = ReadCommand.Create(connection, DeviceReadSql.AnyLiveVmInstance(oneConnector), connectorId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    private static async Task<Dictionary<long, string>> ReadConnectorNamesAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var names = new Dictionary<long, string>();
        await using var command = connection.CreateCommand();
        command.CommandText = DeviceReadSql.ConnectorNames;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            names[reader.GetInt64(0)] = reader.GetString(1);
        }

        return names;
    }
}
