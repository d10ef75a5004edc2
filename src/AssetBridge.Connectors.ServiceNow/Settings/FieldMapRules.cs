using AssetBridge.Connectors.ServiceNow.Mapping;
using AssetBridge.Core.Errors;

namespace AssetBridge.Connectors.ServiceNow.Settings;

/// <summary>
/// Parses and checks field-map overrides. A key is a device field unqualified (<c>osVersion</c>) or
/// qualified by kind (<c>device.</c>, <c>adapter.</c>, <c>application.</c>, <c>relationship.</c>, <c>vmInstance.</c>);
/// stored keys are always qualified.
/// </summary>
internal static class FieldMapRules
{
    public static (string Field, string Column) ParseArgument(string? arg)
    {
        var separator = arg?.IndexOf('=', StringComparison.Ordinal) ?? -1;
        if (arg is null || separator <= 0 || separator == arg.Length - 1)
        {
            throw new AssetBridgeException(
                ErrorKind.Usage,
                $"'{arg}' is not a field mapping; write it as field=column, e.g. lastLoggedOnUser=u_last_user.");
        }

        var field = Qualify(arg[..separator].Trim());
        var column = arg[(separator + 1)..].Trim();
        ValidateEntry(field, column);
        return (field, column);
    }

    public static IReadOnlyDictionary<string, string> Normalize(IReadOnlyDictionary<string, string> map)
    {
        var normalized = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, column) in map)
        {
            normalized[Qualify(key)] = column;
        }

        return normalized;
    }

    public static void Validate(IReadOnlyDictionary<string, string>? map)
    {
        foreach (var (key, column) in map ?? new Dictionary<string, string>())
        {
            ValidateEntry(key, column);
        }
    }

    private static string Qualify(string key) => key.Contains('.', StringComparison.Ordinal) ? key : $"{EntityFields.Device.Prefix}.{key}";

    private static void ValidateEntry(string qualified, string? column)
    {
        var dot = qualified.IndexOf('.', StringComparison.Ordinal);
        var prefix = dot < 0 ? string.Empty : qualified[..dot];
        var field = dot < 0 ? qualified : qualified[(dot + 1)..];
        var kind = EntityFields.All.FirstOrDefault(f => f.Prefix == prefix);
        if (kind is null || !kind.Has(field))
        {
            var valid = string.Join(", ", EntityFields.All.SelectMany(f => f.RemappableNames()));
            throw new AssetBridgeException(
                ErrorKind.Usage,
                $"'{qualified}' is not a field AssetBridge maps; use one of {valid} (device fields may omit 'device.').");
        }

        if (EntityFields.IsFixed(field))
        {
            var fixedColumn = field == EntityFields.SysId ? EntityFields.SysIdColumn : EntityFields.SysUpdatedOnColumn;
            if (!string.Equals(column, fixedColumn, StringComparison.Ordinal))
            {
                throw new AssetBridgeException(
                    ErrorKind.Usage,
                    $"'{qualified}' always reads {fixedColumn} because paging and watermarks depend on it; remove that mapping.");
            }
        }

        if (!TableNameRules.IsColumn(column))
        {
            throw new AssetBridgeException(
                ErrorKind.Usage,
                $"'{column}' is not a ServiceNow column name for {qualified}; use letters, digits and underscores (dots to follow a reference), e.g. u_last_user.");
        }
    }
}
