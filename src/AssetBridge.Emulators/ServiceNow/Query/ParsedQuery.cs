namespace AssetBridge.Emulators.ServiceNow.Query;

/// <summary>One condition as written: field (possibly dot-walked), operator, value.</summary>
internal sealed record RawCondition(string Field, QueryOperator Operator, string Value);

/// <summary>An ORDERBY / ORDERBYDESC clause as written.</summary>
internal sealed record RawOrder(string Field, bool Descending);

/// <summary>
/// An encoded query before it meets a table: an OR (^NQ) of groups; each group an AND (^) of terms;
/// each term an OR (^OR) of conditions. ^OR binds tighter than ^, which binds tighter than ^NQ.
/// </summary>
internal sealed record ParsedQuery(IReadOnlyList<IReadOnlyList<IReadOnlyList<RawCondition>>> Groups, IReadOnlyList<RawOrder> Orders)
{
    public static ParsedQuery Empty { get; } = new([], []);
}
