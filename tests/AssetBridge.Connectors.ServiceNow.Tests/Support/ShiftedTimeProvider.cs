namespace AssetBridge.Connectors.ServiceNow.Tests.Support;

/// <summary>
/// The system clock moved forward by a settable amount: tests jump ahead (token lifetimes) while
/// timers and delays still run in real, tiny, time.
/// </summary>
internal sealed class ShiftedTimeProvider : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
