namespace AssetBridge.Emulators.ServiceNow.Tables;

/// <summary>
/// The rows of one table, kept in two sorted orders so keyset pages are found by binary search:
/// by sys_id (full sync) and by (sys_updated_on, sys_id) (incremental sync). Both orders compare
/// ordinally, exactly as query conditions compare, so a range found by search is the range a scan
/// would match.
/// </summary>
internal sealed class TableStore
{
    private static readonly Comparer<Row> SysIdOrder = Comparer<Row>.Create(CompareBySysId);
    private static readonly Comparer<Row> UpdatedOrder = Comparer<Row>.Create(CompareByUpdated);

    private List<Row> bySysId = [];
    private List<Row> byUpdated = [];

    public TableStore(TableSchema schema) => Schema = schema;

    public TableSchema Schema { get; }

    public string Name => Schema.Name;

    public int Count => bySysId.Count;

    public IReadOnlyList<Row> BySysId => bySysId;

    public IReadOnlyList<Row> ByUpdated => byUpdated;

    public static int CompareBySysId(Row a, Row b) => string.CompareOrdinal(a.SysId, b.SysId);

    public static int CompareByUpdated(Row a, Row b)
    {
        var byTime = string.CompareOrdinal(a.UpdatedOn, b.UpdatedOn);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.SysId, b.SysId);
    }

    /// <summary>Replaces the content with generated rows, sorting once instead of inserting one by one. Leaves <paramref name="rows"/> as it was.</summary>
    public void Load(Row[] rows)
    {
        var sysIdOrder = (Row[])rows.Clone();
        Array.Sort(sysIdOrder, SysIdOrder);
        var updatedOrder = (Row[])rows.Clone();
        Array.Sort(updatedOrder, UpdatedOrder);
        bySysId = new List<Row>(sysIdOrder);
        byUpdated = new List<Row>(updatedOrder);
    }

    public void Add(Row row)
    {
        bySysId.Insert(~bySysId.BinarySearch(row, SysIdOrder), row);
        InsertByUpdated(row);
    }

    public void Remove(Row row)
    {
        bySysId.RemoveAt(bySysId.BinarySearch(row, SysIdOrder));
        RemoveByUpdated(row);
    }

    /// <summary>Changes a value; sys_updated_on changes move the row in the time order.</summary>
    public void SetValue(Row row, int columnIndex, string value)
    {
        if (columnIndex == TableSchema.SysIdIndex)
        {
            throw new ArgumentException("sys_id cannot be changed.", nameof(columnIndex));
        }

        if (columnIndex != Schema.UpdatedOnIndex)
        {
            row.Set(columnIndex, value);
            return;
        }

        RemoveByUpdated(row);
        row.Set(columnIndex, value);
        InsertByUpdated(row);
    }

    private void InsertByUpdated(Row row) =>
        byUpdated.Insert(~byUpdated.BinarySearch(row, UpdatedOrder), row);

    private void RemoveByUpdated(Row row) =>
        byUpdated.RemoveAt(byUpdated.BinarySearch(row, UpdatedOrder));
}
