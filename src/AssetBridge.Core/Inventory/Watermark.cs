namespace AssetBridge.Core.Inventory;

/// <summary>
/// The compound incremental-sync position <c>(sys_updated_on, sys_id)</c>. Timestamps have one-second
/// resolution, so the sys_id breaks ties: records updated in the same second as the watermark are
/// neither skipped nor read twice.
/// </summary>
public sealed record Watermark(string UpdatedOn, string SysId) : IComparable<Watermark>
{
    public int CompareTo(Watermark? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byTime = string.CompareOrdinal(UpdatedOn, other.UpdatedOn);
        return byTime != 0 ? byTime : string.CompareOrdinal(SysId, other.SysId);
    }

    /// <summary>The earlier of two watermarks.</summary>
    public static Watermark Min(Watermark a, Watermark b) => a.CompareTo(b) <= 0 ? a : b;

    /// <summary>The later of two watermarks; null counts as "nothing seen".</summary>
    public static Watermark? Max(Watermark? a, Watermark? b) =>
        a is null ? b : b is null ? a : a.CompareTo(b) >= 0 ? a : b;
}
