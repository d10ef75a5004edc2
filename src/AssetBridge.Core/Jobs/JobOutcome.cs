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

    /// <summary>
    /// Scopes a discovery job found (the subscription ids "Get Subscriptions" listed), from which the
    /// connector's planner adds follow-up jobs to the same run; null when the job discovers nothing.
    /// </summary>
    public IReadOnlyList<string>? Discovered { get; init; }
}
