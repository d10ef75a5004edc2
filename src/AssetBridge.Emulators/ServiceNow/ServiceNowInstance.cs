using AssetBridge.Emulators.ServiceNow.Acl;
using AssetBridge.Emulators.ServiceNow.Auth;
using AssetBridge.Emulators.ServiceNow.Faults;
using AssetBridge.Emulators.ServiceNow.Generation;
using AssetBridge.Emulators.ServiceNow.Tables;

namespace AssetBridge.Emulators.ServiceNow;

/// <summary>
/// The emulated instance's data and controls. Every member is thread-safe and may be called while
/// requests are served; a mutation is seen whole by every later request (indexes included).
/// Unknown table names throw <see cref="ArgumentException"/>.
/// </summary>
public sealed class ServiceNowInstance
{
    private readonly RecordStore store;
    private readonly FaultInjector faults;
    private readonly UserDirectory users;
    private readonly RowVisibility visibility;
    private readonly TimeProvider time;
    private readonly Random sysIdRandom;

    internal ServiceNowInstance(RecordStore store, FaultInjector faults, UserDirectory users, RowVisibility visibility, TimeProvider time, int seed)
    {
        this.store = store;
        this.faults = faults;
        this.users = users;
        this.visibility = visibility;
        this.time = time;
        sysIdRandom = Generation.SysIds.RandomFor(seed, "inserted records");
    }

    /// <summary>The tables served (cmdb_ci, the base class, is served too but is not a table of its own).</summary>
    public IReadOnlyList<string> Tables
    {
        get
        {
            using var read = store.EnterRead();
            return store.Tables.Select(t => t.Name).ToList();
        }
    }

    /// <summary>How long <see cref="EmulatorFault.SlowResponse"/> holds a request. Default one second.</summary>
    public TimeSpan SlowResponseDelay
    {
        get => faults.SlowResponseDelay;
        set => faults.SlowResponseDelay = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), "SlowResponseDelay cannot be negative.");
    }

    /// <summary>Scripted faults not yet served.</summary>
    public int PendingFaults => faults.Pending;

    /// <summary>Rows in a table, hidden ones included.</summary>
    public int Count(string table)
    {
        using var read = store.EnterRead();
        return store.GetTable(table).Count;
    }

    /// <summary>A record's values by field name (a copy), or null when the table has no such record.</summary>
    public IReadOnlyDictionary<string, string?>? Get(string table, string sysId)
    {
        using var read = store.EnterRead();
        var tableStore = store.GetTable(table);
        var row = store.Find(sysId);
        if (row is null || row.Table != tableStore)
        {
            return null;
        }

        return tableStore.Schema.Columns.ToDictionary(c => c.Name, c => (string?)row.Get(c.Index), StringComparer.Ordinal);
    }

    /// <summary>The table's sys_ids in sys_id order (a snapshot).</summary>
    public IEnumerable<string> SysIds(string table)
    {
        using var read = store.EnterRead();
        return store.GetTable(table).BySysId.Select(r => r.SysId).ToList();
    }

    /// <summary>
    /// Adds a record and returns its sys_id (the one given in <paramref name="values"/>, or a new one).
    /// sys_updated_on is <paramref name="updatedOn"/>, else the value given, else the clock's now;
    /// sys_created_on defaults to it; sys_class_name defaults to the table. Unknown fields become new columns.
    /// </summary>
    public string Insert(string table, IReadOnlyDictionary<string, string?> values, DateTimeOffset? updatedOn = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        using var write = store.EnterWrite();
        var tableStore = store.GetTable(table);
        var schema = tableStore.Schema;
        foreach (var name in values.Keys)
        {
            schema.AddColumnIfMissing(name);
        }

        var row = new Row(tableStore, schema.EmptyValues());
        foreach (var (name, value) in values)
        {
            row.Set(schema.IndexOf(name), value ?? string.Empty);
        }

        if (row.SysId.Length == 0)
        {
            row.Set(TableSchema.SysIdIndex, Generation.SysIds.New(sysIdRandom));
        }

        if (updatedOn is not null || row.UpdatedOn.Length == 0)
        {
            row.Set(schema.UpdatedOnIndex, GlideDateTime.Format(updatedOn ?? time.GetUtcNow()));
        }

        if (row.Get(schema.CreatedOnIndex).Length == 0)
        {
            row.Set(schema.CreatedOnIndex, row.UpdatedOn);
        }

        if (schema.TryGetColumn("sys_class_name", out var className) && row.Get(className.Index).Length == 0)
        {
            row.Set(className.Index, table);
        }

        store.Add(row);
        return row.SysId;
    }

    /// <summary>
    /// Changes fields of a record and sets sys_updated_on to <paramref name="updatedOn"/> or the
    /// clock's now ("yyyy-MM-dd HH:mm:ss" UTC). sys_id cannot change.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The table has no such record.</exception>
    public void Update(string table, string sysId, IReadOnlyDictionary<string, string?> changes, DateTimeOffset? updatedOn = null)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.ContainsKey("sys_id"))
        {
            throw new ArgumentException("sys_id cannot be changed.", nameof(changes));
        }

        using var write = store.EnterWrite();
        var tableStore = store.GetTable(table);
        var row = store.Find(sysId);
        if (row is null || row.Table != tableStore)
        {
            throw new KeyNotFoundException($"Table {table} has no record {sysId}.");
        }

        foreach (var (name, value) in changes)
        {
            tableStore.SetValue(row, tableStore.Schema.AddColumnIfMissing(name).Index, value ?? string.Empty);
        }

        tableStore.SetValue(row, tableStore.Schema.UpdatedOnIndex, GlideDateTime.Format(updatedOn ?? time.GetUtcNow()));
    }

    /// <summary>Removes a record; false when the table had no such record.</summary>
    public bool Delete(string table, string sysId)
    {
        using var write = store.EnterWrite();
        var tableStore = store.GetTable(table);
        var row = store.Find(sysId);
        if (row is null || row.Table != tableStore)
        {
            return false;
        }

        store.Remove(row);
        return true;
    }

    /// <summary>The next Table API request gets this fault (scripted faults are served in order, before random ones).</summary>
    public void EnqueueFault(EmulatorFault fault) => faults.Enqueue(fault);

    /// <summary>Enqueues several faults in order.</summary>
    public void EnqueueFaults(IEnumerable<EmulatorFault> sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        foreach (var fault in sequence)
        {
            faults.Enqueue(fault);
        }
    }

    /// <summary>Drops scripted faults not yet served.</summary>
    public void ClearFaults() => faults.Clear();

    /// <summary>Replaces a user's roles (e.g. to take cmdb_read away mid-test).</summary>
    public void SetUserRoles(string username, IReadOnlyList<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        users.SetRoles(username, roles);
    }

    /// <summary>Whether the row ACL (HiddenFraction) hides this sys_id from every user.</summary>
    public bool IsHidden(string sysId) => visibility.IsHidden(sysId);
}
