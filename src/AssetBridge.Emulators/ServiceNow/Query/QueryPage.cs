using AssetBridge.Emulators.ServiceNow.Tables;

namespace AssetBridge.Emulators.ServiceNow.Query;

/// <summary>
/// One page cut by sysparm_offset/sysparm_limit, before ACL filtering.
/// <paramref name="TotalCount"/> is the number of matching rows ignoring offset and limit, or null
/// when it was not asked for and would have cost a scan.
/// </summary>
internal sealed record QueryPage(IReadOnlyList<Row> Rows, int? TotalCount, bool HasMore);
