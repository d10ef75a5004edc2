using System.Diagnostics;

namespace AssetBridge.Connectors.Azure.Tests.Support;

/// <summary>
/// A clock that moves only when told: timers (Task.Delay, Polly's backoff, timeouts) fire when
/// <see cref="Advance"/> passes their due time. <see cref="DriveAsync"/> runs a task to completion by
/// jumping to each next timer once the task has settled, so waits cost no real time.
/// </summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _lock = new();
    private readonly List<Timer> _timers = [];
    private DateTimeOffset _now;

    public ManualTimeProvider(DateTimeOffset? start = null)
    {
        _now = start ?? new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>The due time of the earliest armed timer, or null.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_lock)
            {
                return _timers.Count == 0 ? null : _timers.Min(t => t.Due);
            }
        }
    }

    public void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (_lock)
        {
            target = _now + by;
        }

        while (true)
        {
            Timer? due;
            lock (_lock)
            {
                due = _timers.Where(t => t.Due <= target).OrderBy(t => t.Due).FirstOrDefault();
                if (due is null)
                {
                    _now = target;
                    return;
                }

                _now = due.Due > _now ? due.Due : _now;
                _timers.Remove(due);
                if (due.Period > TimeSpan.Zero)
                {
                    due.Due = _now + due.Period;
                    _timers.Add(due);
                }
            }

            due.Fire();
        }
    }

    /// <summary>
    /// Waits for <paramref name="task"/>, moving the clock to the next timer whenever the task has made
    /// no progress for a few real milliseconds. Returns how much fake time passed.
    /// </summary>
    public async Task<TimeSpan> DriveAsync(Task task, TimeSpan? realLimit = null)
    {
        var start = GetUtcNow();
        var watch = Stopwatch.StartNew();
        while (!task.IsCompleted)
        {
            await Task.WhenAny(task, Task.Delay(5)).ConfigureAwait(false);
            if (task.IsCompleted)
            {
                break;
            }

            if (NextDue is { } due)
            {
                Advance(due - GetUtcNow() is { } gap && gap > TimeSpan.Zero ? gap : TimeSpan.Zero);
            }

            if (watch.Elapsed > (realLimit ?? TimeSpan.FromSeconds(20)))
            {
                throw new TimeoutException("The task did not finish while the fake clock was driven.");
            }
        }

        await task.ConfigureAwait(false);
        return GetUtcNow() - start;
    }

    public async Task<(T Result, TimeSpan Elapsed)> DriveAsync<T>(Task<T> task)
    {
        var elapsed = await DriveAsync((Task)task).ConfigureAwait(false);
        return (await task.ConfigureAwait(false), elapsed);
    }

    private sealed class Timer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset Due { get; set; }

        public TimeSpan Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._lock)
            {
                owner._timers.Remove(this);
                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    Due = owner._now + dueTime;
                    owner._timers.Add(this);
                }
            }

            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._lock)
            {
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
