namespace AssetBridge.Emulators.ServiceNow.Query;

/// <summary>
/// Parses sysparm_query. Clauses it cannot read are dropped, as ServiceNow drops invalid clauses
/// by default (glide.invalid_query.returns_no_rows=false).
/// </summary>
internal static class EncodedQueryParser
{
    // Longest first, so "ISNOTEMPTY" is not read as "IS..." and ">=" not as ">".
    private static readonly (string Token, QueryOperator Operator)[] Operators =
    [
        ("ISNOTEMPTY", QueryOperator.IsNotEmpty),
        ("ISEMPTY", QueryOperator.IsEmpty),
        ("ANYTHING", QueryOperator.Anything),
        ("STARTSWITH", QueryOperator.StartsWith),
        ("ENDSWITH", QueryOperator.EndsWith),
        ("NOT LIKE", QueryOperator.NotLike),
        ("LIKE", QueryOperator.Like),
        ("NOT IN", QueryOperator.NotIn),
        ("IN", QueryOperator.In),
        ("!=", QueryOperator.NotEquals),
        (">=", QueryOperator.GreaterOrEqual),
        ("<=", QueryOperator.LessOrEqual),
        ("=", QueryOperator.Equals),
        (">", QueryOperator.GreaterThan),
        ("<", QueryOperator.LessThan),
    ];

    public static ParsedQuery Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return ParsedQuery.Empty;
        }

        var groups = new List<IReadOnlyList<IReadOnlyList<RawCondition>>>();
        var orders = new List<RawOrder>();
        foreach (var groupText in text.Split("^NQ"))
        {
            groups.Add(ParseGroup(groupText, orders));
        }

        return new ParsedQuery(groups, orders);
    }

    private static List<IReadOnlyList<RawCondition>> ParseGroup(string text, List<RawOrder> orders)
    {
        var terms = new List<List<RawCondition>>();
        foreach (var part in text.Split('^'))
        {
            if (part.Length == 0 || part == "EQ")
            {
                continue;
            }

            // ORDERBY clauses are global whatever group they sit in.
            if (part.StartsWith("ORDERBYDESC", StringComparison.Ordinal))
            {
                orders.Add(new RawOrder(part["ORDERBYDESC".Length..], Descending: true));
                continue;
            }

            if (part.StartsWith("ORDERBY", StringComparison.Ordinal))
            {
                orders.Add(new RawOrder(part["ORDERBY".Length..], Descending: false));
                continue;
            }

            // Field names are lower case, so a leading upper-case "OR" can only be the ^OR joiner.
            var isAlternative = part.StartsWith("OR", StringComparison.Ordinal) && terms.Count > 0;
            var condition = ParseCondition(isAlternative ? part[2..] : part);
            if (condition is null)
            {
                continue;
            }

            if (isAlternative)
            {
                terms[^1].Add(condition);
            }
            else
            {
                terms.Add([condition]);
            }
        }

        return [.. terms];
    }

    private static RawCondition? ParseCondition(string text)
    {
        var fieldLength = 0;
        while (fieldLength < text.Length && IsFieldChar(text[fieldLength]))
        {
            fieldLength++;
        }

        if (fieldLength == 0)
        {
            return null;
        }

        var rest = text.AsSpan(fieldLength);
        foreach (var (token, op) in Operators)
        {
            if (rest.StartsWith(token, StringComparison.Ordinal))
            {
                return new RawCondition(text[..fieldLength], op, rest[token.Length..].ToString());
            }
        }

        return null;
    }

    private static bool IsFieldChar(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.';
}
