using AssetBridge.Emulators.ServiceNow.Tables;

namespace AssetBridge.Emulators.ServiceNow.Acl;

/// <summary>
/// The row-level ACL that hides a fixed share of records from every user. Whether a record is
/// hidden depends only on its sys_id and the seed, so it survives updates and every page agrees.
/// Hidden rows are removed after sysparm_limit cuts the page, as on a real instance.
/// </summary>
internal sealed class RowVisibility(double hiddenFraction, int seed)
{
    public bool IsHidden(Row row) => IsHidden(row.SysId);

    public bool IsHidden(string sysId)
    {
        if (hiddenFraction <= 0)
        {
            return false;
        }

        // FNV-1a over the sys_id, salted by the seed, then SplitMix64's finaliser for an even spread.
        var hash = 14695981039346656037UL ^ (ulong)(uint)seed;
        foreach (var c in sysId)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        hash = unchecked((hash ^ (hash >> 30)) * 0xBF58476D1CE4E5B9UL);
        hash = unchecked((hash ^ (hash >> 27)) * 0x94D049BB133111EBUL);
        hash ^= hash >> 31;
        return (hash >> 11) * (1.0 / (1UL << 53)) < hiddenFraction;
    }
}
