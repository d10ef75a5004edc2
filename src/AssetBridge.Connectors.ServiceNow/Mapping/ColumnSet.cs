using System.Text;

namespace AssetBridge.Connectors.ServiceNow.Mapping;

/// <summary>
/// The distinct columns one job asks for (<c>sysparm_fields</c>), in a fixed order; a page's rows are
/// arrays aligned with it. Several fields may share a column; each column is requested once.
/// </summary>
internal sealed class ColumnSet
{
    private readonly Dictionary<string, int> _indexByField;

    public ColumnSet(IReadOnlyDictionary<string, string> fieldToColumn)
    {
        var columns = new List<string>();
        _indexByField = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (field, column) in fieldToColumn)
        {
            var index = columns.IndexOf(column);
            if (index < 0)
            {
                index = columns.Count;
                columns.Add(column);
            }

            _indexByField[field] = index;
        }

        Columns = columns;
        Utf8Columns = columns.Select(c => Encoding.UTF8.GetBytes(c)).ToArray();
    }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>The column names as UTF-8, so the page parser compares property names without allocating.</summary>
    public IReadOnlyList<byte[]> Utf8Columns { get; }

    public int Count => Columns.Count;

    /// <summary>The comma-separated list for <c>sysparm_fields</c>.</summary>
    public string FieldsParameter => string.Join(',', Columns);

    /// <summary>The row index of a field's column, or -1 when the field is not mapped.</summary>
    public int IndexOfField(string field) => _indexByField.TryGetValue(field, out var index) ? index : -1;

    public int IndexOfColumn(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
