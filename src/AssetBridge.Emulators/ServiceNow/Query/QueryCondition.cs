using AssetBridge.Emulators.ServiceNow.Tables;

namespace AssetBridge.Emulators.ServiceNow.Query;

/// <summary>A condition bound to a table. Comparisons are ordinal (sys_updated_on text sorts as time).</summary>
internal sealed class QueryCondition
{
    private readonly HashSet<string>? set;

    public QueryCondition(FieldAccessor field, QueryOperator op, string value)
    {
        Field = field;
        Operator = op;
        Value = value;
        if (op is QueryOperator.In or QueryOperator.NotIn)
        {
            set = new HashSet<string>(value.Split(','), StringComparer.Ordinal);
        }
    }

    public FieldAccessor Field { get; }

    public QueryOperator Operator { get; }

    public string Value { get; }

    /// <summary>True for the operators a sorted index can turn into a range.</summary>
    public bool IsRange => Operator is QueryOperator.Equals or QueryOperator.GreaterThan or QueryOperator.GreaterOrEqual
        or QueryOperator.LessThan or QueryOperator.LessOrEqual;

    public bool Matches(Row row)
    {
        var actual = Field.Read(row);
        return Operator switch
        {
            QueryOperator.Equals => string.Equals(actual, Value, StringComparison.Ordinal),
            QueryOperator.NotEquals => !string.Equals(actual, Value, StringComparison.Ordinal),
            QueryOperator.GreaterThan => string.CompareOrdinal(actual, Value) > 0,
            QueryOperator.GreaterOrEqual => string.CompareOrdinal(actual, Value) >= 0,
            QueryOperator.LessThan => string.CompareOrdinal(actual, Value) < 0,
            QueryOperator.LessOrEqual => string.CompareOrdinal(actual, Value) <= 0,
            QueryOperator.IsEmpty => actual.Length == 0,
            QueryOperator.IsNotEmpty => actual.Length != 0,
            QueryOperator.Anything => true,
            QueryOperator.In => set!.Contains(actual),
            QueryOperator.NotIn => !set!.Contains(actual),

            // Text matching is case-insensitive on a real instance (database collation).
            QueryOperator.StartsWith => actual.StartsWith(Value, StringComparison.OrdinalIgnoreCase),
            QueryOperator.EndsWith => actual.EndsWith(Value, StringComparison.OrdinalIgnoreCase),
            QueryOperator.Like => actual.Contains(Value, StringComparison.OrdinalIgnoreCase),
            QueryOperator.NotLike => !actual.Contains(Value, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }
}
