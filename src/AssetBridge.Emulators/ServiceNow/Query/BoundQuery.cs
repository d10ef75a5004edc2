using AssetBridge.Emulators.ServiceNow.Tables;

namespace AssetBridge.Emulators.ServiceNow.Query;

/// <summary>A term: an OR (^OR) of conditions.</summary>
internal sealed record QueryTerm(IReadOnlyList<QueryCondition> Alternatives)
{
    public bool Matches(Row row)
    {
        foreach (var condition in Alternatives)
        {
            if (condition.Matches(row))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A group: an AND (^) of terms. An empty group matches every row.</summary>
internal sealed record QueryGroup(IReadOnlyList<QueryTerm> Terms)
{
    public bool Matches(Row row)
    {
        foreach (var term in Terms)
        {
            if (!term.Matches(row))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>An ORDERBY key bound to the table.</summary>
internal sealed record QueryOrder(FieldAccessor Field, bool Descending);

/// <summary>
/// An encoded query bound to one table: unknown fields already dropped, so what remains can be
/// evaluated row by row or turned into index ranges.
/// </summary>
internal sealed record BoundQuery(TableStore Table, IReadOnlyList<QueryGroup> Groups, IReadOnlyList<QueryOrder> Orders)
{
    public bool Matches(Row row)
    {
        if (Groups.Count == 0)
        {
            return true;
        }

        foreach (var group in Groups)
        {
            if (group.Matches(row))
            {
                return true;
            }
        }

        return false;
    }

    public static BoundQuery Bind(ParsedQuery parsed, TableStore table, RecordStore store)
    {
        var groups = new List<QueryGroup>();
        foreach (var rawGroup in parsed.Groups)
        {
            var terms = new List<QueryTerm>();
            foreach (var rawTerm in rawGroup)
            {
                var alternatives = new List<QueryCondition>();
                foreach (var raw in rawTerm)
                {
                    if (FieldAccessor.Bind(raw.Field, table.Schema, store) is { } field)
                    {
                        alternatives.Add(new QueryCondition(field, raw.Operator, raw.Value));
                    }
                }

                // A term whose every alternative was invalid is dropped, as an invalid clause is.
                if (alternatives.Count > 0)
                {
                    terms.Add(new QueryTerm(alternatives));
                }
            }

            groups.Add(new QueryGroup(terms));
        }

        return new BoundQuery(table, groups, BindOrders(parsed.Orders, table, store));
    }

    /// <summary>
    /// Unknown ORDERBY fields are ignored; a repeated key adds nothing; keys after sys_id add nothing
    /// either, since sys_id is unique.
    /// </summary>
    private static List<QueryOrder> BindOrders(IReadOnlyList<RawOrder> raw, TableStore table, RecordStore store)
    {
        var orders = new List<QueryOrder>();
        foreach (var order in raw)
        {
            if (FieldAccessor.Bind(order.Field, table.Schema, store) is not { } field
                || orders.Any(o => o.Field.Path == field.Path))
            {
                continue;
            }

            orders.Add(new QueryOrder(field, order.Descending));
            if (field.IsDirect && field.Column.Index == TableSchema.SysIdIndex)
            {
                break;
            }
        }

        return orders;
    }
}
