namespace AssetBridge.Emulators.ServiceNow.Tables;

/// <summary>
/// The columns of one table. Columns may be added at run time (an Insert or Update naming a new
/// field), so rows created earlier can be shorter than the schema; a missing value reads as "".
/// </summary>
internal sealed class TableSchema
{
    public const int SysIdIndex = 0;

    private readonly List<ColumnDefinition> columns = [];
    private readonly Dictionary<string, ColumnDefinition> byName = new(StringComparer.Ordinal);

    public TableSchema(string name, string displayColumn, IEnumerable<(string Name, ColumnKind Kind, string? ReferenceTable)> columns)
    {
        Name = name;
        DisplayColumn = displayColumn;
        AddColumn("sys_id", ColumnKind.Text, null);
        foreach (var (columnName, kind, referenceTable) in columns)
        {
            AddColumn(columnName, kind, referenceTable);
        }

        UpdatedOnIndex = AddColumnIfMissing("sys_updated_on", ColumnKind.DateTime).Index;
        CreatedOnIndex = AddColumnIfMissing("sys_created_on", ColumnKind.DateTime).Index;
    }

    public string Name { get; }

    /// <summary>The column whose value a reference to this table displays (e.g. "name").</summary>
    public string DisplayColumn { get; }

    public IReadOnlyList<ColumnDefinition> Columns => columns;

    public int UpdatedOnIndex { get; }

    public int CreatedOnIndex { get; }

    /// <summary>Tables under cmdb need role cmdb_read, as the connector's read-only account has.</summary>
    public bool RequiresCmdbRead => Name.StartsWith("cmdb", StringComparison.Ordinal);

    public bool TryGetColumn(string name, out ColumnDefinition column) => byName.TryGetValue(name, out column!);

    public int IndexOf(string name) =>
        byName.TryGetValue(name, out var column) ? column.Index : throw new ArgumentException($"Table {Name} has no column '{name}'.", nameof(name));

    /// <summary>A values array for a new row: every column "".</summary>
    public string[] EmptyValues()
    {
        var values = new string[columns.Count];
        Array.Fill(values, string.Empty);
        return values;
    }

    public ColumnDefinition AddColumnIfMissing(string name, ColumnKind kind = ColumnKind.Text) =>
        byName.TryGetValue(name, out var existing) ? existing : AddColumn(name, kind, null);

    private ColumnDefinition AddColumn(string name, ColumnKind kind, string? referenceTable)
    {
        var column = new ColumnDefinition(name, columns.Count, kind, referenceTable);
        columns.Add(column);
        byName.Add(name, column);
        return column;
    }
}
