using AssetBridge.Emulators.ServiceNow.Tables;

namespace AssetBridge.Emulators.ServiceNow.Generation;

/// <summary>
/// Maps a table's columns to the functions that compute them, so a generator answers
/// <see cref="IRowGenerator.Value"/> with one array lookup.
/// </summary>
internal sealed class ColumnValues
{
    private readonly Func<int, string>?[] byColumn;

    public ColumnValues(TableSchema schema, IReadOnlyDictionary<string, Func<int, string>> byName)
    {
        byColumn = new Func<int, string>?[schema.Columns.Count];
        foreach (var (name, compute) in byName)
        {
            byColumn[schema.IndexOf(name)] = compute;
        }
    }

    public string Value(int ordinal, int column) =>
        column < byColumn.Length && byColumn[column] is { } compute ? compute(ordinal) : string.Empty;
}
