namespace AssetBridge.Connectors.ServiceNow.Mapping;

/// <summary>Reads mapped fields out of a row aligned with a <see cref="ColumnSet"/>.</summary>
internal readonly struct RowReader(ColumnSet columns, string?[] row)
{
    /// <summary>The field's value; an empty string is no value (ServiceNow sends "" for an empty reference).</summary>
    public string? Text(string field)
    {
        var index = columns.IndexOfField(field);
        var value = index < 0 ? null : row[index];
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>A boolean column: "true"/"false" or "1"/"0"; anything else is unknown.</summary>
    public bool? Flag(string field) => Text(field)?.ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };
}
