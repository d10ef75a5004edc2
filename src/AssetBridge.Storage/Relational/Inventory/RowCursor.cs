using System.Data.Common;

namespace AssetBridge.Storage.Relational.Inventory;

/// <summary>A forward-only reader with one row of look-ahead, for merge joins.</summary>
internal sealed class RowCursor<T>(DbDataReader reader, Func<DbDataReader, T> read)
{
    public bool HasCurrent { get; private set; }

    public T Current { get; private set; } = default!;

    public async ValueTask MoveNextAsync(CancellationToken cancellationToken)
    {
        HasCurrent = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        Current = HasCurrent ? read(reader) : default!;
    }
}

/// <summary>A row keyed for the merge join by <c>(connector_id, device sys_id)</c>.</summary>
internal readonly record struct DeviceKeyed<T>(long ConnectorId, string DeviceSysId, T Value)
{
    public int CompareTo(long connectorId, string deviceSysId)
    {
        var byConnector = ConnectorId.CompareTo(connectorId);
        return byConnector != 0 ? byConnector : CodePointOrder.Compare(DeviceSysId, deviceSysId);
    }
}
