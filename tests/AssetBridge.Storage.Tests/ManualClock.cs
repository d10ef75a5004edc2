namespace AssetBridge.Storage.Tests;

/// <summary>A clock the test moves by hand; leases and timestamps follow it, never the wall clock.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset UtcNow { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => UtcNow;

    public void Advance(TimeSpan by) => UtcNow += by;
}
