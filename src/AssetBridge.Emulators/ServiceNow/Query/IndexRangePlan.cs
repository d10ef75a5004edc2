using AssetBridge.Emulators.ServiceNow.Tables;

namespace AssetBridge.Emulators.ServiceNow.Query;

/// <summary>
/// Answers a query from a sorted index in O(log n + page): the order asked for must be the index's
/// order (sys_id; or sys_updated_on then sys_id), and each ^NQ group's conditions on the index keys
/// become a range of index positions found by binary search. Conditions the ranges cannot express
/// stay "residual" and are checked row by row, but only inside the ranges.
/// This is where keyset paging (sys_id&gt;X, and the watermark query
/// sys_updated_on&gt;T^NQsys_updated_on=T^sys_id&gt;S) is made cheap at a million rows.
/// </summary>
internal sealed class IndexRangePlan
{
    private readonly BoundQuery query;
    private readonly RowOrder index;
    private readonly List<(int Start, int End)> ranges;
    private readonly bool residual;

    private IndexRangePlan(BoundQuery query, RowOrder index, List<(int Start, int End)> ranges, bool residual)
    {
        this.query = query;
        this.index = index;
        this.ranges = ranges;
        this.residual = residual;
    }

    public static IndexRangePlan? TryCreate(BoundQuery query)
    {
        var schema = query.Table.Schema;
        var orders = query.Orders;
        int[] keys;
        RowOrder index;
        if (orders.Count == 0 || (orders.Count == 1 && IsAscending(orders[0], TableSchema.SysIdIndex)))
        {
            keys = [TableSchema.SysIdIndex];
            index = new RowOrder(query.Table, query.Table.BySysId);
        }
        else if (IsAscending(orders[0], schema.UpdatedOnIndex)
            && (orders.Count == 1 || (orders.Count == 2 && IsAscending(orders[1], TableSchema.SysIdIndex))))
        {
            // Ties on sys_updated_on are broken by sys_id, which is what this index holds.
            keys = [schema.UpdatedOnIndex, TableSchema.SysIdIndex];
            index = new RowOrder(query.Table, query.Table.ByUpdated);
        }
        else
        {
            return null;
        }

        var ranges = new List<(int Start, int End)>();
        var residual = false;
        if (query.Groups.Count == 0)
        {
            ranges.Add((0, index.Count));
        }

        foreach (var group in query.Groups)
        {
            var (start, end, groupResidual) = RangeOf(group, index, keys);
            residual |= groupResidual;
            if (start < end)
            {
                ranges.Add((start, end));
            }
        }

        return new IndexRangePlan(query, index, Merge(ranges), residual);
    }

    public QueryPage Execute(int offset, int limit, bool countRequired)
    {
        return residual ? ExecuteFiltered(offset, limit, countRequired) : ExecuteExact(offset, limit);
    }

    /// <summary>Every row in the ranges matches: count and page are pure arithmetic.</summary>
    private QueryPage ExecuteExact(int offset, int limit)
    {
        var total = 0;
        foreach (var (start, end) in ranges)
        {
            total += end - start;
        }

        var rows = new List<Row>(Math.Max(0, Math.Min(limit, total - offset)));
        var skip = offset;
        foreach (var (start, end) in ranges)
        {
            var length = end - start;
            if (skip >= length)
            {
                skip -= length;
                continue;
            }

            for (var i = start + skip; i < end && rows.Count < limit; i++)
            {
                rows.Add(index[i]);
            }

            skip = 0;
            if (rows.Count == limit)
            {
                break;
            }
        }

        return new QueryPage(rows, total, total > offset + rows.Count);
    }

    private QueryPage ExecuteFiltered(int offset, int limit, bool countRequired)
    {
        var rows = new List<Row>();
        var matched = 0;
        foreach (var (start, end) in ranges)
        {
            for (var i = start; i < end; i++)
            {
                var row = index[i];
                if (!query.Matches(row))
                {
                    continue;
                }

                if (matched >= offset && rows.Count < limit)
                {
                    rows.Add(row);
                }

                matched++;
                if (!countRequired && matched > offset + limit)
                {
                    return new QueryPage(rows, null, HasMore: true);
                }
            }
        }

        return new QueryPage(rows, countRequired ? matched : null, matched > offset + rows.Count);
    }

    private static bool IsAscending(QueryOrder order, int columnIndex) =>
        !order.Descending && order.Field.IsDirect && order.Field.Column.Index == columnIndex;

    private static (int Start, int End, bool Residual) RangeOf(QueryGroup group, RowOrder index, int[] keys)
    {
        int start = 0, end = index.Count;
        var residual = false;
        string? pinned = null;
        var secondKey = new List<QueryCondition>();
        foreach (var term in group.Terms)
        {
            var condition = term.Alternatives.Count == 1 ? term.Alternatives[0] : null;
            if (condition is null || !condition.IsRange || !condition.Field.IsDirect)
            {
                residual = true;
                continue;
            }

            var column = condition.Field.Column.Index;
            if (column == keys[0])
            {
                var value = condition.Value;
                Narrow(ref start, ref end, condition.Operator, index, row => string.CompareOrdinal(row.Get(keys[0]), value));
                if (condition.Operator == QueryOperator.Equals)
                {
                    if (pinned is not null && pinned != value)
                    {
                        return (0, 0, false);
                    }

                    pinned = value;
                }
            }
            else if (keys.Length > 1 && column == keys[1])
            {
                secondKey.Add(condition);
            }
            else
            {
                residual = true;
            }
        }

        // Within one pinned sys_updated_on second the index is ordered by sys_id, so sys_id bounds
        // become composite bounds (T, S); without a pinned second they can only be checked per row.
        foreach (var condition in secondKey)
        {
            if (pinned is null)
            {
                residual = true;
                continue;
            }

            var (first, second, value) = (keys[0], keys[1], condition.Value);
            Narrow(ref start, ref end, condition.Operator, index, row =>
            {
                var byFirst = string.CompareOrdinal(row.Get(first), pinned);
                return byFirst != 0 ? byFirst : string.CompareOrdinal(row.Get(second), value);
            });
        }

        return (start, Math.Max(start, end), residual);
    }

    /// <summary>Narrows [start, end) by one range condition; compare(row) is monotone along the index.</summary>
    private static void Narrow(ref int start, ref int end, QueryOperator op, RowOrder index, Func<Row, int> compare)
    {
        switch (op)
        {
            case QueryOperator.Equals:
                start = Math.Max(start, FirstWhere(index, row => compare(row) >= 0));
                end = Math.Min(end, FirstWhere(index, row => compare(row) > 0));
                break;
            case QueryOperator.GreaterThan:
                start = Math.Max(start, FirstWhere(index, row => compare(row) > 0));
                break;
            case QueryOperator.GreaterOrEqual:
                start = Math.Max(start, FirstWhere(index, row => compare(row) >= 0));
                break;
            case QueryOperator.LessThan:
                end = Math.Min(end, FirstWhere(index, row => compare(row) >= 0));
                break;
            case QueryOperator.LessOrEqual:
                end = Math.Min(end, FirstWhere(index, row => compare(row) > 0));
                break;
        }
    }

    /// <summary>Binary search: the first position where the monotone predicate holds (Count if none).</summary>
    private static int FirstWhere(RowOrder index, Func<Row, bool> predicate)
    {
        int low = 0, high = index.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (predicate(index[middle]))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    /// <summary>An order of a table's rows (one of its indexes), read as rows.</summary>
    private readonly record struct RowOrder(TableStore Table, IReadOnlyList<int> Ordinals)
    {
        public int Count => Ordinals.Count;

        public Row this[int position] => new(Table, Ordinals[position]);
    }

    private static List<(int Start, int End)> Merge(List<(int Start, int End)> ranges)
    {
        ranges.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<(int Start, int End)>();
        foreach (var range in ranges)
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, range.End));
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }
}
