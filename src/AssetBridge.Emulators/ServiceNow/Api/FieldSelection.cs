using System.Text.Json;
using AssetBridge.Emulators.ServiceNow.Query;
using AssetBridge.Emulators.ServiceNow.Tables;

namespace AssetBridge.Emulators.ServiceNow.Api;

/// <summary>One output property: its JSON name and how to read it.</summary>
internal sealed record SelectedField(JsonEncodedText Name, FieldAccessor Accessor);

/// <summary>
/// The fields a response carries: sysparm_fields in the order asked (unknown fields simply absent,
/// dot-walks such as "cmdb_ci.name" allowed), or every column of the table.
/// </summary>
internal static class FieldSelection
{
    public static IReadOnlyList<SelectedField> For(TableSchema schema, IReadOnlyList<string>? fields, RecordStore store)
    {
        if (fields is null)
        {
            return schema.Columns.Select(c => new SelectedField(c.JsonName, FieldAccessor.ForColumn(c, store))).ToList();
        }

        var selected = new List<SelectedField>(fields.Count);
        foreach (var path in fields)
        {
            if (FieldAccessor.Bind(path, schema, store) is { } accessor)
            {
                selected.Add(new SelectedField(accessor.IsDirect ? accessor.Column.JsonName : JsonEncodedText.Encode(path), accessor));
            }
        }

        return selected;
    }
}
