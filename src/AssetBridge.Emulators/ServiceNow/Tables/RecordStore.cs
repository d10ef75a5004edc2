namespace AssetBridge.Emulators.ServiceNow.Tables;

/// <summary>
/// Every table of the instance. One reader/writer lock guards it all: requests read concurrently
/// and serialise their page while holding the read lock; mutations take the write lock.
/// </summary>
internal sealed class RecordStore : IDisposable
{
    /// <summary>The base class: a reference to cmdb_ci may land in any configuration item table.</summary>
    public const string ConfigurationItemTable = "cmdb_ci";

    private readonly List<TableStore> tables = [];
    private readonly ReaderWriterLockSlim gate = new(LockRecursionPolicy.NoRecursion);

    public IReadOnlyList<TableStore> Tables => tables;

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

    /// <summary>Adds a table before the store is shared.</summary>
    public void Add(TableStore table) => tables.Add(table);

    public bool TryGetTable(string name, out TableStore table)
    {
        table = tables.Find(t => t.Name == name)!;
        return table is not null;
    }

    public TableStore GetTable(string name) =>
        TryGetTable(name, out var table) ? table : throw new ArgumentException($"The emulator has no table '{name}'.", nameof(name));

    /// <summary>Tables a reference to <paramref name="referenceTable"/> may point into.</summary>
    public IEnumerable<TableStore> TablesReferencedAs(string referenceTable) =>
        referenceTable == ConfigurationItemTable
            ? tables.Where(t => t.Name.StartsWith(ConfigurationItemTable + "_", StringComparison.Ordinal))
            : tables.Where(t => t.Name == referenceTable);

    /// <summary>The record with this sys_id in any table (references and dot-walks cross tables).</summary>
    public Row? Find(string sysId)
    {
        if (!SysId.TryParse(sysId, out var id))
        {
            return null;
        }

        foreach (var table in tables)
        {
            if (table.Find(id) is { } row)
            {
                return row;
            }
        }

        return null;
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
