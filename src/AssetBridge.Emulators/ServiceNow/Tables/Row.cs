namespace AssetBridge.Emulators.ServiceNow.Tables;

/// <summary>
/// One record: its values by column index. Only touched under the store's lock (writers hold it
/// exclusively), so the values array is mutated in place.
/// </summary>
internal sealed class Row
{
    private string[] values;

    public Row(TableStore table, string[] values)
    {
        Table = table;
        this.values = values;
    }

    public TableStore Table { get; }

    public string SysId => values[TableSchema.SysIdIndex];

    public string UpdatedOn => Get(Table.Schema.UpdatedOnIndex);

    public string Get(int index) => index < values.Length ? values[index] : string.Empty;

    public void Set(int index, string value)
    {
        if (index >= values.Length)
        {
            Array.Resize(ref values, Table.Schema.Columns.Count);
            for (var i = 0; i < values.Length; i++)
            {
                values[i] ??= string.Empty;
            }
        }

        values[index] = value;
    }
}
