namespace AssetBridge.Emulators.ServiceNow.Tables;

/// <summary>
/// Every table of the instance plus one sys_id lookup across all of them (references and dot-walks
/// may point into any table). One reader/writer lock guards it all: requests read concurrently and
/// serialise their page while holding the read lock; mutations take the write lock.
/// </summary>
internal sealed class RecordStore : IDisposable
{
    /// <summary>The base class: a reference to cmdb_ci may land in any configuration item table.</summary>
    public const string ConfigurationItemTable = "cmdb_ci";

    private readonly Dictionary<string, TableStore> tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Row> rowsBySysId;
    private readonly ReaderWriterLockSlim gate = new(LockRecursionPolicy.NoRecursion);

    public RecordStore(int expectedRows) => rowsBySysId = new Dictionary<string, Row>(expectedRows, StringComparer.Ordinal);

    public IReadOnlyCollection<TableStore> Tables => tables.Values;

    public ReadLock EnterRead()
    {
        gate.EnterReadLock();
        return new ReadLock(gate);
    }

    public WriteLock EnterWrite()
    {
        gate.EnterWriteLock();
        return new WriteLock(gate);
    }

    public TableStore AddTable(TableSchema schema)
    {
        var table = new TableStore(schema);
        tables.Add(schema.Name, table);
        return table;
    }

    public bool TryGetTable(string name, out TableStore table) => tables.TryGetValue(name, out table!);

    public TableStore GetTable(string name) =>
        tables.TryGetValue(name, out var table) ? table : throw new ArgumentException($"The emulator has no table '{name}'.", nameof(name));

    /// <summary>Tables a reference to <paramref name="referenceTable"/> may point into.</summary>
    public IEnumerable<TableStore> TablesReferencedAs(string referenceTable) =>
        referenceTable == ConfigurationItemTable
            ? tables.Values.Where(t => t.Name.StartsWith(ConfigurationItemTable + "_", StringComparison.Ordinal))
            : tables.TryGetValue(referenceTable, out var table) ? [table] : [];

    public Row? Find(string sysId) =>
        sysId.Length != 0 && rowsBySysId.TryGetValue(sysId, out var row) ? row : null;

    /// <summary>
    /// Loads generated rows before the store is shared: the sys_id lookup fills while the tables
    /// sort, in parallel, since at a million devices both take a noticeable time.
    /// </summary>
    public void Load(IReadOnlyList<(TableStore Table, Row[] Rows)> batches)
    {
        Parallel.Invoke(
            () =>
            {
                foreach (var (_, rows) in batches)
                {
                    foreach (var row in rows)
                    {
                        if (!rowsBySysId.TryAdd(row.SysId, row))
                        {
                            throw new InvalidOperationException($"Generated sys_id {row.SysId} twice.");
                        }
                    }
                }
            },
            () => Parallel.ForEach(batches, batch => batch.Table.Load(batch.Rows)));
    }

    public void Add(Row row)
    {
        if (!rowsBySysId.TryAdd(row.SysId, row))
        {
            throw new ArgumentException($"A record with sys_id {row.SysId} already exists.", nameof(row));
        }

        row.Table.Add(row);
    }

    public void Remove(Row row)
    {
        rowsBySysId.Remove(row.SysId);
        row.Table.Remove(row);
    }

    public void Dispose() => gate.Dispose();

    internal readonly struct ReadLock(ReaderWriterLockSlim gate) : IDisposable
    {
        public void Dispose() => gate.ExitReadLock();
    }

    internal readonly struct WriteLock(ReaderWriterLockSlim gate) : IDisposable
    {
        public void Dispose() => gate.ExitWriteLock();
    }
}
