using AssetBridge.Core.Inventory;

namespace AssetBridge.Core.Jobs;

/// <summary>
/// What a finished job reports: how many records it read, the watermark it reached, and the
/// source's own count (X-Total-Count before ACL filtering) so hidden records can be reported.
/// </summary>
public sealed record JobOutcome(long Records, long Pages, Watermark? Watermark, long? SourceTotal)
{
    /// <summary>Records the source counted but did not return (ACL-filtered), when it told us a count.</summary>
    public long Hidden => SourceTotal is { } total && total > Records ? total - Records : 0;
}
