using System.Text;
using Microsoft.AspNetCore.Http;

namespace AssetBridge.Emulators.ServiceNow.Api;

/// <summary>
/// The Link header of a list response: first, prev, next, last, each the same request with another
/// sysparm_offset. Absent when everything fits on one page (ansible-sn-inventory issue 15).
/// Without a count (sysparm_no_count) there is no "last", and "next" follows whether another
/// matching row exists.
/// </summary>
internal static class PaginationLinks
{
    public static string? Build(string pageAddress, IQueryCollection query, int offset, int limit, int? total, bool hasMore)
    {
        if (offset == 0 && !hasMore)
        {
            return null;
        }

        var others = new StringBuilder();
        foreach (var (name, values) in query)
        {
            if (name is "sysparm_offset" or "sysparm_limit")
            {
                continue;
            }

            foreach (var value in values)
            {
                others.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value ?? string.Empty));
            }
        }

        var tail = others.ToString();
        var links = new List<string> { Link(pageAddress, 0, limit, tail, "first") };
        if (offset > 0)
        {
            links.Add(Link(pageAddress, Math.Max(0, offset - limit), limit, tail, "prev"));
        }

        if (hasMore)
        {
            links.Add(Link(pageAddress, offset + limit, limit, tail, "next"));
        }

        if (total is { } count)
        {
            var last = count == 0 ? 0 : (count - 1) / limit * limit;
            links.Add(Link(pageAddress, last, limit, tail, "last"));
        }

        return string.Join(',', links);
    }

    private static string Link(string pageAddress, int offset, int limit, string tail, string rel) =>
        $"<{pageAddress}?sysparm_offset={offset}&sysparm_limit={limit}{tail}>;rel=\"{rel}\"";
}
