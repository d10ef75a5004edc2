using System.Text.RegularExpressions;
using AssetBridge.Core.Errors;

namespace AssetBridge.Connectors.ServiceNow.Settings;

/// <summary>
/// Table and column names go into request paths and queries, so only ServiceNow's own name
/// characters are accepted (letters, digits, underscore; columns may dot-walk references).
/// </summary>
internal static partial class TableNameRules
{
    private const int MaxLength = 80;

    public static void Validate(string? table, string option)
    {
        if (string.IsNullOrEmpty(table) || table.Length > MaxLength || !TableName().IsMatch(table))
        {
            throw new AssetBridgeException(
                ErrorKind.Usage,
                $"'{table}' is not a ServiceNow table name; give {option} letters, digits and underscores only, e.g. cmdb_ci_computer.");
        }
    }

    public static bool IsColumn(string? column) =>
        !string.IsNullOrEmpty(column) && column.Length <= MaxLength * 4 && ColumnName().IsMatch(column);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TableName();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ColumnName();
}
