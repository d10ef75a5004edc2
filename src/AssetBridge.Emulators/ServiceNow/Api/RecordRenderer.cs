using System.Text.Encodings.Web;
using System.Text.Json;
using AssetBridge.Emulators.ServiceNow.Tables;

namespace AssetBridge.Emulators.ServiceNow.Api;

/// <summary>
/// Writes records as the Table API does: every value a JSON string; references as a plain sys_id,
/// {"link","value"}, a display string, {"display_value","link"} or {"display_value","link","value"}
/// depending on sysparm_display_value and sysparm_exclude_reference_link (fixtures: Table API docs,
/// stackstate cmdb_ci_result_200 and CHG0000001). Empty references are "".
/// </summary>
internal sealed class RecordRenderer
{
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        // A real instance sends non-ASCII text as UTF-8, not \u escapes (cmdb_ci_result_with_utf8.json).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static readonly JsonEncodedText LinkName = JsonEncodedText.Encode("link");
    private static readonly JsonEncodedText ValueName = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText DisplayValueName = JsonEncodedText.Encode("display_value");

    private readonly RecordStore store;
    private readonly DisplayValueMode mode;
    private readonly bool excludeLinks;
    private readonly string tableAddress;
    private readonly Dictionary<string, string> linkPrefixes = new(StringComparer.Ordinal);
    private char[] linkBuffer = new char[128];

    /// <param name="tableAddress">e.g. "http://127.0.0.1:5000/api/now/table/"; links point below it.</param>
    public RecordRenderer(RecordStore store, DisplayValueMode mode, bool excludeLinks, string tableAddress)
    {
        this.store = store;
        this.mode = mode;
        this.excludeLinks = excludeLinks;
        this.tableAddress = tableAddress;
    }

    public void WriteRecord(Utf8JsonWriter json, Row row, IReadOnlyList<SelectedField> fields)
    {
        json.WriteStartObject();
        foreach (var field in fields)
        {
            if (field.Accessor.Resolve(row) is { } resolved)
            {
                WriteField(json, field.Name, resolved.Row, resolved.Column);
            }
            else
            {
                // A dot-walk through an empty or dangling reference.
                WriteEmpty(json, field.Name);
            }
        }

        json.WriteEndObject();
    }

    private void WriteField(Utf8JsonWriter json, JsonEncodedText name, Row row, ColumnDefinition column)
    {
        var value = row.Get(column.Index);
        var linked = column.IsReference && !excludeLinks && value.Length != 0;
        switch (mode)
        {
            case DisplayValueMode.False when !linked:
                json.WriteString(name, value);
                break;
            case DisplayValueMode.False:
                json.WriteStartObject(name);
                WriteLink(json, column, value);
                json.WriteString(ValueName, value);
                json.WriteEndObject();
                break;
            case DisplayValueMode.True when !linked:
                json.WriteString(name, DisplayOf(column, value));
                break;
            case DisplayValueMode.True:
                json.WriteStartObject(name);
                json.WriteString(DisplayValueName, DisplayOf(column, value));
                WriteLink(json, column, value);
                json.WriteEndObject();
                break;
            default:
                json.WriteStartObject(name);
                json.WriteString(DisplayValueName, DisplayOf(column, value));
                if (linked)
                {
                    WriteLink(json, column, value);
                }

                json.WriteString(ValueName, value);
                json.WriteEndObject();
                break;
        }
    }

    private void WriteEmpty(Utf8JsonWriter json, JsonEncodedText name)
    {
        if (mode == DisplayValueMode.All)
        {
            json.WriteStartObject(name);
            json.WriteString(DisplayValueName, string.Empty);
            json.WriteString(ValueName, string.Empty);
            json.WriteEndObject();
        }
        else
        {
            json.WriteString(name, string.Empty);
        }
    }

    private string DisplayOf(ColumnDefinition column, string value) => column.Kind switch
    {
        ColumnKind.Reference => store.Find(value) is { } target && target.Table.Schema.TryGetColumn(target.Table.Schema.DisplayColumn, out var display)
            ? target.Get(display.Index)
            : string.Empty,
        ColumnKind.ClassName => CmdbTables.ClassLabel(value),
        _ => value,
    };

    /// <summary>Writes "link" from a reusable buffer: one page has thousands of links.</summary>
    private void WriteLink(Utf8JsonWriter json, ColumnDefinition column, string sysId)
    {
        var table = column.ReferenceTable!;
        if (!linkPrefixes.TryGetValue(table, out var prefix))
        {
            prefix = tableAddress + table + "/";
            linkPrefixes.Add(table, prefix);
        }

        var length = prefix.Length + sysId.Length;
        if (linkBuffer.Length < length)
        {
            linkBuffer = new char[length * 2];
        }

        prefix.CopyTo(linkBuffer);
        sysId.CopyTo(linkBuffer.AsSpan(prefix.Length));
        json.WriteString(LinkName, linkBuffer.AsSpan(0, length));
    }
}
