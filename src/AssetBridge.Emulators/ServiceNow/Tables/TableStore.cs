using System.Runtime.InteropServices;

namespace AssetBridge.Emulators.ServiceNow.Tables;

/// <summary>
/// The rows of one table. Per ordinal it keeps only the sort keys — sys_id (128-bit) and
/// sys_updated_on (Unix seconds) — plus full values for rows that were changed or inserted;
/// generated values come from the generator on demand. Two sorted orders of ordinals answer keyset
/// pages by binary search: by sys_id (full sync) and by (sys_updated_on, sys_id) (incremental sync).
/// Both orders agree with ordinal string comparison, which is how query conditions compare.
/// Not thread-safe: the <see cref="RecordStore"/> lock guards it.
/// </summary>
internal sealed class TableStore
{
    private readonly IRowGenerator? generator;
    private readonly List<UInt128> sysIds;
    private readonly List<long> updatedOn;
    private readonly Dictionary<int, string[]> stored = [];
    private readonly List<int> bySysId;
    private readonly List<int> byUpdated;

    public TableStore(TableSchema schema, IRowGenerator? generator = null)
    {
        Schema = schema;
        this.generator = generator;
        var count = generator?.Count ?? 0;
        sysIds = new List<UInt128>(count);
        updatedOn = new List<long>(count);
        CollectionsMarshal.SetCount(sysIds, count);
        CollectionsMarshal.SetCount(updatedOn, count);
        var ids = CollectionsMarshal.AsSpan(sysIds);
        var times = CollectionsMarshal.AsSpan(updatedOn);
        for (var i = 0; i < count; i++)
        {
            ids[i] = generator!.SysId(i);
            times[i] = generator.UpdatedOn(i);
        }

        bySysId = SortedOrdinals(ids.ToArray());
        var updatedKeys = new UpdatedKey[count];
        for (var i = 0; i < count; i++)
        {
            updatedKeys[i] = new UpdatedKey(times[i], ids[i]);
        }

        byUpdated = SortedOrdinals(updatedKeys);
        for (var i = 1; i < bySysId.Count; i++)
        {
            if (ids[bySysId[i]] == ids[bySysId[i - 1]])
            {
                throw new InvalidOperationException($"Table {schema.Name} generated sys_id {SysId.Format(ids[bySysId[i]])} twice.");
            }
        }
    }

    public TableSchema Schema { get; }

    public string Name => Schema.Name;

    public int Count => bySysId.Count;

    /// <summary>Ordinals in sys_id order.</summary>
    public IReadOnlyList<int> BySysId => bySysId;

    /// <summary>Ordinals in (sys_updated_on, sys_id) order.</summary>
    public IReadOnlyList<int> ByUpdated => byUpdated;

    public UInt128 SysIdKey(int ordinal) => sysIds[ordinal];

    public string Get(int ordinal, int column)
    {
        if (column == TableSchema.SysIdIndex)
        {
            return SysId.Format(sysIds[ordinal]);
        }

        if (column == Schema.UpdatedOnIndex)
        {
            return GlideDateTime.Format(updatedOn[ordinal]);
        }

        if (stored.Count != 0 && stored.TryGetValue(ordinal, out var values))
        {
            return column < values.Length ? values[column] : string.Empty;
        }

        return generator is not null && ordinal < generator.Count ? generator.Value(ordinal, column) : string.Empty;
    }

    public Row? Find(UInt128 id)
    {
        var position = LowerBound(bySysId, ordinal => sysIds[ordinal].CompareTo(id));
        return position < bySysId.Count && sysIds[bySysId[position]] == id ? new Row(this, bySysId[position]) : null;
    }

    /// <summary>Adds a record; <paramref name="values"/> are by column (sys_id and sys_updated_on come from the keys).</summary>
    public Row Insert(UInt128 id, long updated, string[] values)
    {
        var ordinal = sysIds.Count;
        sysIds.Add(id);
        updatedOn.Add(updated);
        stored[ordinal] = values;
        bySysId.Insert(LowerBound(bySysId, o => sysIds[o].CompareTo(id)), ordinal);
        InsertByUpdated(ordinal);
        return new Row(this, ordinal);
    }

    public void Remove(Row row)
    {
        var id = sysIds[row.Ordinal];
        bySysId.RemoveAt(LowerBound(bySysId, o => sysIds[o].CompareTo(id)));
        byUpdated.RemoveAt(LowerBound(byUpdated, o => KeyOf(o).CompareTo(KeyOf(row.Ordinal))));
        stored.Remove(row.Ordinal);
    }

    /// <summary>Changes one value (not sys_id or sys_updated_on: those are keys, see <see cref="SetUpdatedOn"/>).</summary>
    public void SetValue(Row row, int column, string value)
    {
        if (column == TableSchema.SysIdIndex || column == Schema.UpdatedOnIndex)
        {
            throw new ArgumentException("sys_id and sys_updated_on are keys; they are not set as values.", nameof(column));
        }

        var values = Materialize(row.Ordinal);
        if (column >= values.Length)
        {
            var longer = Schema.EmptyValues();
            values.CopyTo(longer, 0);
            stored[row.Ordinal] = values = longer;
        }

        values[column] = value;
    }

    /// <summary>Moves the row in the time order.</summary>
    public void SetUpdatedOn(Row row, long unixSeconds)
    {
        byUpdated.RemoveAt(LowerBound(byUpdated, o => KeyOf(o).CompareTo(KeyOf(row.Ordinal))));
        updatedOn[row.Ordinal] = unixSeconds;
        InsertByUpdated(row.Ordinal);
    }

    /// <summary>First position whose ordinal compares at or above the target (compare is monotone over the order).</summary>
    public static int LowerBound(IReadOnlyList<int> order, Func<int, int> compareToTarget)
    {
        int low = 0, high = order.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (compareToTarget(order[middle]) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static List<int> SortedOrdinals<TKey>(TKey[] keys)
        where TKey : IComparable<TKey>
    {
        var ordinals = new int[keys.Length];
        for (var i = 0; i < ordinals.Length; i++)
        {
            ordinals[i] = i;
        }

        Array.Sort(keys, ordinals);
        return new List<int>(ordinals);
    }

    private UpdatedKey KeyOf(int ordinal) => new(updatedOn[ordinal], sysIds[ordinal]);

    private void InsertByUpdated(int ordinal)
    {
        var key = KeyOf(ordinal);
        byUpdated.Insert(LowerBound(byUpdated, o => KeyOf(o).CompareTo(key)), ordinal);
    }

    /// <summary>Copies a generated row's values into storage, the first time it changes.</summary>
    private string[] Materialize(int ordinal)
    {
        if (!stored.TryGetValue(ordinal, out var values))
        {
            values = Schema.EmptyValues();
            for (var column = 0; column < values.Length; column++)
            {
                values[column] = Get(ordinal, column);
            }

            stored[ordinal] = values;
        }

        return values;
    }

    private readonly record struct UpdatedKey(long UpdatedOn, UInt128 SysId) : IComparable<UpdatedKey>
    {
        public int CompareTo(UpdatedKey other)
        {
            var byTime = UpdatedOn.CompareTo(other.UpdatedOn);
            return byTime != 0 ? byTime : SysId.CompareTo(other.SysId);
        }
    }
}
