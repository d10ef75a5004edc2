using System.Globalization;
using System.Text;
using AssetBridge.Connectors.ServiceNow.Mapping;

namespace AssetBridge.Connectors.ServiceNow.TableApi;

/// <summary>
/// One page request: <c>GET /api/now/table/{table}</c> with the mapped columns, references as bare
/// sys_ids, no display values. <see cref="WithCount"/> false sends <c>sysparm_no_count=true</c>.
/// <see cref="TableOption"/> names the setting that chose the table, for the "no such table" sentence.
/// </summary>
internal sealed record TableRequest(
    Uri Instance,
    string Table,
    ColumnSet Columns,
    string Query,
    int Limit,
    int Offset,
    bool WithCount,
    string TableOption)
{
    public Uri ToUri()
    {
        var text = new StringBuilder(Instance.AbsoluteUri.TrimEnd('/'))
            .Append("/api/now/table/").Append(Uri.EscapeDataString(Table))
            .Append("?sysparm_fields=").Append(Uri.EscapeDataString(Columns.FieldsParameter))
            .Append("&sysparm_exclude_reference_link=true")
            .Append("&sysparm_limit=").Append(Limit.ToString(CultureInfo.InvariantCulture));
        if (Offset > 0)
        {
            text.Append("&sysparm_offset=").Append(Offset.ToString(CultureInfo.InvariantCulture));
        }

        if (Query.Length > 0)
        {
            text.Append("&sysparm_query=").Append(Uri.EscapeDataString(Query));
        }

        if (!WithCount)
        {
            text.Append("&sysparm_no_count=true");
        }

        return new Uri(text.ToString(), UriKind.Absolute);
    }
}

/// <summary>
/// One page as read: rows aligned with the requested columns, X-Total-Count (pre-ACL) when sent, and the
/// instance's own clock (the HTTP Date header) when it answered.
/// </summary>
internal sealed record TablePage(IReadOnlyList<string?[]> Rows, long? TotalCount, DateTimeOffset? ServerDate = null);
