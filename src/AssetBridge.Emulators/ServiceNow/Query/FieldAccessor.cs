using AssetBridge.Emulators.ServiceNow.Tables;

namespace AssetBridge.Emulators.ServiceNow.Query;

/// <summary>
/// Reads one field of a row: a column of the row's own table, or one level of dot-walk through a
/// reference ("parent.sys_class_name") into whatever table the referenced record lives in.
/// </summary>
internal sealed class FieldAccessor
{
    private readonly RecordStore store;

    private FieldAccessor(RecordStore store, string path, ColumnDefinition column, string? targetField)
    {
        this.store = store;
        Path = path;
        Column = column;
        TargetField = targetField;
    }

    /// <summary>The field as written in the request ("cmdb_ci.name").</summary>
    public string Path { get; }

    /// <summary>The row's own column (for a dot-walk, the reference column walked through).</summary>
    public ColumnDefinition Column { get; }

    /// <summary>The field read on the referenced record, or null for a plain column.</summary>
    public string? TargetField { get; }

    public bool IsDirect => TargetField is null;

    public static FieldAccessor ForColumn(ColumnDefinition column, RecordStore store) => new(store, column.Name, column, null);

    /// <summary>
    /// Binds a field path to a table; null when the field does not exist (the caller then ignores
    /// the clause or leaves the field out, as ServiceNow does).
    /// </summary>
    public static FieldAccessor? Bind(string path, TableSchema schema, RecordStore store)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return schema.TryGetColumn(path, out var column) ? new FieldAccessor(store, path, column, null) : null;
        }

        var referenceName = path[..dot];
        var targetField = path[(dot + 1)..];
        if (targetField.Length == 0 || targetField.Contains('.', StringComparison.Ordinal)
            || !schema.TryGetColumn(referenceName, out var reference) || !reference.IsReference)
        {
            return null;
        }

        var targetExists = store.TablesReferencedAs(reference.ReferenceTable!).Any(t => t.Schema.TryGetColumn(targetField, out _));
        return targetExists ? new FieldAccessor(store, path, reference, targetField) : null;
    }

    public string Read(Row row)
    {
        var value = row.Get(Column.Index);
        if (TargetField is null)
        {
            return value;
        }

        return store.Find(value) is { } target && target.Table.Schema.TryGetColumn(TargetField, out var column)
            ? target.Get(column.Index)
            : string.Empty;
    }

    /// <summary>The record and column a dot-walk lands on (for rendering references and display values).</summary>
    public (Row Row, ColumnDefinition Column)? Resolve(Row row)
    {
        if (TargetField is null)
        {
            return (row, Column);
        }

        return store.Find(row.Get(Column.Index)) is { } target && target.Table.Schema.TryGetColumn(TargetField, out var column)
            ? (target, column)
            : null;
    }
}
