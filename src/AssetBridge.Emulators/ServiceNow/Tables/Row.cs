namespace AssetBridge.Emulators.ServiceNow.Tables;

/// <summary>
/// A handle to one record: its table and ordinal. Values are read through the table (generated on
/// demand, or stored once changed). Only valid under the store's lock.
/// </summary>
internal readonly record struct Row(TableStore Table, int Ordinal)
{
    public string SysId => Table.Get(Ordinal, TableSchema.SysIdIndex);

    public UInt128 SysIdKey => Table.SysIdKey(Ordinal);

    public string UpdatedOn => Table.Get(Ordinal, Table.Schema.UpdatedOnIndex);

    public string Get(int column) => Table.Get(Ordinal, column);
}
