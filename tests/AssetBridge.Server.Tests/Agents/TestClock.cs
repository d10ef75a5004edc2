namespace AssetBridge.Server.Tests.Agents;

/// <summary>The wall clock plus an offset the test moves: heartbeats age instantly, timers stay real.</summary>
internal sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
