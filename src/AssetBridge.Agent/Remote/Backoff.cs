namespace AssetBridge.Agent.Remote;

/// <summary>Exponential backoff with full jitter, shared by every call to one server, reset by any success.</summary>
internal sealed class Backoff
{
    private readonly TimeSpan _base;
    private readonly TimeSpan _max;
    private readonly Random _random;
    private int _failures;

    public Backoff(TimeSpan baseDelay, TimeSpan maxDelay, Random random)
    {
        _base = baseDelay;
        _max = maxDelay;
        _random = random;
    }

    public bool IsFailing => Volatile.Read(ref _failures) > 0;

    /// <summary>Records a failure; returns the delay before the next attempt and whether it was the first failure in a row.</summary>
    public (TimeSpan Delay, bool First) Fail()
    {
        var failures = Interlocked.Increment(ref _failures);
        var ceiling = Math.Min(_max.TotalMilliseconds, _base.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 20)));
        double jitter;
        lock (_random)
        {
            jitter = _random.NextDouble();
        }

        return (TimeSpan.FromMilliseconds(Math.Max(_base.TotalMilliseconds / 2, ceiling * jitter)), failures == 1);
    }

    /// <summary>Records a success; true when it ended a run of failures.</summary>
    public bool Succeed() => Interlocked.Exchange(ref _failures, 0) > 0;
}
