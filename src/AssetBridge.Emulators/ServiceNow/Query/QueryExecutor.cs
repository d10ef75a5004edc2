using AssetBridge.Emulators.ServiceNow.Tables;

namespace AssetBridge.Emulators.ServiceNow.Query;

/// <summary>
/// Runs a bound query: through a sorted index when the order allows it (keyset paging), otherwise
/// by scanning and sorting (other queries may be slow; they are not what a sync sends).
/// Sources are the tables queried; more than one for the cmdb_ci base class.
/// </summary>
internal static class QueryExecutor
{
    public static QueryPage Execute(IReadOnlyList<BoundQuery> sources, int offset, int limit, bool countRequired)
    {
        if (sources.Count == 1 && IndexRangePlan.TryCreate(sources[0]) is { } plan)
        {
            return plan.Execute(offset, limit, countRequired);
        }

        return ScanAndSort(sources, offset, limit);
    }

    private static QueryPage ScanAndSort(IReadOnlyList<BoundQuery> sources, int offset, int limit)
    {
        // Order keys by field path, so tables of the cmdb_ci base class line up; a field a table
        // lacks sorts as "".
        var paths = sources.SelectMany(s => s.Orders).DistinctBy(o => o.Field.Path).ToList();
        var matches = new List<(Row Row, string[] Keys)>();
        foreach (var source in sources)
        {
            var accessors = paths.Select(p => source.Orders.FirstOrDefault(o => o.Field.Path == p.Field.Path)?.Field).ToArray();
            foreach (var ordinal in source.Table.BySysId)
            {
                var row = new Row(source.Table, ordinal);
                if (source.Matches(row))
                {
                    matches.Add((row, Array.ConvertAll(accessors, a => a?.Read(row) ?? string.Empty)));
                }
            }
        }

        matches.Sort((a, b) =>
        {
            for (var i = 0; i < paths.Count; i++)
            {
                var byKey = string.CompareOrdinal(a.Keys[i], b.Keys[i]);
                if (byKey != 0)
                {
                    return paths[i].Descending ? -byKey : byKey;
                }
            }

            // Default order, and the tie-break of every other order, is sys_id.
            return string.CompareOrdinal(a.Row.SysId, b.Row.SysId);
        });

        var page = matches.Skip(offset).Take(limit).Select(m => m.Row).ToList();
        return new QueryPage(page, matches.Count, matches.Count > offset + page.Count);
    }
}
