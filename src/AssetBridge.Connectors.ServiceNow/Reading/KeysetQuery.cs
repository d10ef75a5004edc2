using AssetBridge.Core.Inventory;

namespace AssetBridge.Connectors.ServiceNow.Reading;

/// <summary>
/// Builds the encoded queries of keyset paging (design.md, "ServiceNow reading rules"):
/// full <c>sys_id&gt;{last}^ORDERBYsys_id</c>; incremental
/// <c>sys_updated_on&gt;{T}^NQsys_updated_on={T}^sys_id&gt;{S}^ORDERBYsys_updated_on^ORDERBYsys_id</c>.
/// An extra filter is ANDed into each NQ group, because NQ starts a new, independent condition set.
/// </summary>
internal static class KeysetQuery
{
    private const string ByIdOrder = "ORDERBYsys_id";
    private const string ByUpdateOrder = "ORDERBYsys_updated_on^ORDERBYsys_id";

    /// <summary>Full read: rows after <paramref name="lastSysId"/> (all rows when null), by sys_id.</summary>
    public static string Full(string? lastSysId, string? filter) =>
        lastSysId is null
            ? Join(filter, ByIdOrder)
            : Join($"sys_id>{lastSysId}", filter, ByIdOrder);

    /// <summary>
    /// Incremental read: rows after <paramref name="from"/> by (sys_updated_on, sys_id). Rows updated in
    /// the watermark's own second are taken only past its sys_id, so none is skipped or read twice.
    /// </summary>
    public static string Incremental(Watermark? from, string? filter)
    {
        if (from is null)
        {
            return Join(filter, ByUpdateOrder);
        }

        var later = Join($"sys_updated_on>{from.UpdatedOn}", filter);
        var sameSecond = Join($"sys_updated_on={from.UpdatedOn}", $"sys_id>{from.SysId}", filter);
        return $"{later}^NQ{sameSecond}^{ByUpdateOrder}";
    }

    private static string Join(params string?[] parts) => string.Join('^', parts.Where(p => !string.IsNullOrEmpty(p)));
}
