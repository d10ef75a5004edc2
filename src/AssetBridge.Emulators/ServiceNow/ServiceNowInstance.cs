using AssetBridge.Emulators.ServiceNow.Acl;
using AssetBridge.Emulators.ServiceNow.Auth;
using AssetBridge.Emulators.ServiceNow.Faults;
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
        sysIdRandom = new Random(seed);
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
        if (!SysId.TryParse(sysId, out var id) || tableStore.Find(id) is not { } row)
        {
            return null;
        }

        return tableStore.Schema.Columns.ToDictionary(c => c.Name, c => (string?)row.Get(c.Index), StringComparer.Ordinal);
    }

    /// <summary>The table's sys_ids in sys_id order (a snapshot).</summary>
    public IEnumerable<string> SysIds(string table)
    {
        using var read = store.EnterRead();
        var tableStore = store.GetTable(table);
        return tableStore.BySysId.Select(ordinal => SysId.Format(tableStore.SysIdKey(ordinal))).ToList();
    }

    /// <summary>
    /// Adds a record and returns its sys_id: the one given in <paramref name="values"/> (32 lower-case
    /// hex characters, unused in every table), or a new one. sys_updated_on is <paramref name="updatedOn"/>,
    /// else the value given ("yyyy-MM-dd HH:mm:ss"), else the clock's now; sys_created_on defaults to it;
    /// sys_class_name defaults to the table. Unknown fields become new columns.
    /// </summary>
    public string Insert(string table, IReadOnlyDictionary<string, string?> values, DateTimeOffset? updatedOn = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        using var write = store.EnterWrite();
        var tableStore = store.GetTable(table);
        var schema = tableStore.Schema;
        var id = NewSysId(values.GetValueOrDefault("sys_id"));
        var updated = UpdatedOn(updatedOn, values.GetValueOrDefault("sys_updated_on"));
        foreach (var name in values.Keys)
        {
            schema.AddColumnIfMissing(name);
        }

        var row = schema.EmptyValues();
        foreach (var (name, value) in values)
        {
            row[schema.IndexOf(name)] = value ?? string.Empty;
        }

        if (row[schema.CreatedOnIndex].Length == 0)
        {
            row[schema.CreatedOnIndex] = GlideDateTime.Format(updated);
        }

        if (schema.TryGetColumn("sys_class_name", out var className) && row[className.Index].Length == 0)
        {
            row[className.Index] = table;
        }

        tableStore.Insert(id, updated, row);
        return SysId.Format(id);
    }

    /// <summary>
    /// Changes fields of a record and sets sys_updated_on to <paramref name="updatedOn"/> or the
    /// clock's now ("yyyy-MM-dd HH:mm:ss" UTC; a sys_updated_on among the changes is ignored).
    /// sys_id cannot change.
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
        if (!SysId.TryParse(sysId, out var id) || tableStore.Find(id) is not { } row)
        {
            throw new KeyNotFoundException($"Table {table} has no record {sysId}.");
        }

        foreach (var (name, value) in changes)
        {
            if (name != "sys_updated_on")
            {
                tableStore.SetValue(row, tableStore.Schema.AddColumnIfMissing(name).Index, value ?? string.Empty);
            }
        }

        tableStore.SetUpdatedOn(row, (updatedOn ?? time.GetUtcNow()).ToUnixTimeSeconds());
    }

    /// <summary>Removes a record; false when the table had no such record.</summary>
    public bool Delete(string table, string sysId)
    {
        using var write = store.EnterWrite();
        var tableStore = store.GetTable(table);
        if (!SysId.TryParse(sysId, out var id) || tableStore.Find(id) is not { } row)
        {
            return false;
        }

        tableStore.Remove(row);
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

    private UInt128 NewSysId(string? given)
    {
        if (string.IsNullOrEmpty(given))
        {
            UInt128 id;
            do
            {
                id = new UInt128((ulong)sysIdRandom.NextInt64(), (ulong)sysIdRandom.NextInt64());
            }
            while (store.Find(SysId.Format(id)) is not null);
            return id;
        }

        if (!SysId.TryParse(given, out var parsed))
        {
            throw new ArgumentException($"sys_id '{given}' is not 32 lower-case hex characters.", nameof(given));
        }

        return store.Find(given) is null ? parsed : throw new ArgumentException($"A record with sys_id {given} already exists.", nameof(given));
    }

    private long UpdatedOn(DateTimeOffset? updatedOn, string? given)
    {
        if (updatedOn is { } instant)
        {
            return instant.ToUnixTimeSeconds();
        }

        if (string.IsNullOrEmpty(given))
        {
            return time.GetUtcNow().ToUnixTimeSeconds();
        }

        return GlideDateTime.TryParse(given, out var seconds)
            ? seconds
            : throw new ArgumentException($"sys_updated_on '{given}' is not \"yyyy-MM-dd HH:mm:ss\".", nameof(given));
    }
}
