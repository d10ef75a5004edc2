using System.Data.Common;
using AssetBridge.Core.Inventory;

namespace AssetBridge.Storage.Relational.Inventory;

/// <summary>One domain field of an inventory record and the column that holds it.</summary>
internal readonly record struct InventoryField<T>(string Column, Func<T, object?> Value);

/// <summary>What dynamic SQL needs to know of any inventory table, whatever its record type.</summary>
internal interface IInventoryTable
{
    string Name { get; }

    EntityKind Kind { get; }

    /// <summary>The column holding the record's own key: <c>sys_id</c> for CMDB records, <c>resource_id</c> for cloud VMs.</summary>
    string KeyColumn { get; }
}

/// <summary>
/// An inventory table: every row is keyed by <c>(connector_id, key, source_table)</c>, the key being the
/// record's sys_id or resource id, and carries one column per domain field, plus <c>last_seen_run</c> and
/// <c>deleted_at</c>. Knows its upsert and how to read a record back from a reader.
/// </summary>
internal sealed class InventoryTable<T> : IInventoryTable
{
    /// <summary>The upsert's leading parameters, in order; the fields' parameters follow.</summary>
    private static readonly string[] KeyParameters = ["connector_id", "source_table", "run", "key"];

    private readonly Func<T, string?> key;
    private readonly IReadOnlyList<InventoryField<T>> fields;
    private readonly Func<DbDataReader, int, T> read;

    public InventoryTable(string name, EntityKind kind, string keyColumn, Func<T, string?> key, IReadOnlyList<InventoryField<T>> fields, Func<DbDataReader, int, T> read)
    {
        Name = name;
        Kind = kind;
        KeyColumn = keyColumn;
        this.key = key;
        this.fields = fields;
        this.read = read;
        RecordColumns = keyColumn + ", " + string.Join(", ", fields.Select(f => f.Column));
        UpsertSql = BuildUpsert();
        UpsertParameters = [.. KeyParameters, .. fields.Select((_, i) => "f" + i)];
    }

    public string Name { get; }

    public EntityKind Kind { get; }

    public string KeyColumn { get; }

    /// <summary>The key column then each field's column, in the order <see cref="Read"/> expects them.</summary>
    public string RecordColumns { get; }

    public string UpsertSql { get; }

    /// <summary>The upsert's parameter names, in the order <see cref="BindChunk"/> and <see cref="BindRecord"/> bind them.</summary>
    public IReadOnlyList<string> UpsertParameters { get; }

    /// <summary>Binds the per-chunk key values once; <see cref="BindRecord"/> then only touches what changes per record.</summary>
    public static void BindChunk(UpsertStatement upsert, long connectorId, string sourceTable, long runId)
    {
        upsert.Bind(0, connectorId);
        upsert.Bind(1, sourceTable);
        upsert.Bind(2, runId);
    }

    /// <summary>Binds a record's values; false, binding nothing, when the record has no key to store it by.</summary>
    public bool BindRecord(UpsertStatement upsert, T record)
    {
        var value = key(record);
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        upsert.Bind(3, value);
        for (var i = 0; i < fields.Count; i++)
        {
            upsert.Bind(KeyParameters.Length + i, fields[i].Value(record));
        }

        return true;
    }

    /// <summary>Reads a record whose key is at <paramref name="ordinal"/> and whose fields follow it.</summary>
    public T Read(DbDataReader reader, int ordinal) => read(reader, ordinal);

    private string BuildUpsert()
    {
        var columns = string.Join(", ", fields.Select(f => f.Column));
        var values = string.Join(", ", fields.Select((_, i) => "@f" + i));
        var updates = string.Join(", ", fields.Select(f => $"{f.Column} = excluded.{f.Column}"));

        // A record seen again is brought back to life: deleted_at is cleared whatever it was.
        return $"""
            INSERT INTO {Name} (connector_id, source_table, {KeyColumn}, {columns}, last_seen_run, deleted_at)
            VALUES (@connector_id, @source_table, @key, {values}, @run, NULL)
            ON CONFLICT (connector_id, {KeyColumn}, source_table) DO UPDATE
            SET {updates}, last_seen_run = excluded.last_seen_run, deleted_at = NULL
            """;
    }
}
