namespace AssetBridge.Connectors.ServiceNow.TableApi;

/// <summary>
/// Every request to one instance passes this gate: it caps requests in flight and, after a 429, keeps
/// the instance closed until the time the instance named. Nothing is sent while it is closed, from
/// any job of this process: ServiceNow counts rate limits per user, and all jobs share it.
/// </summary>
internal sealed class InstanceGate
{
    private readonly SemaphoreSlim _slots;
    private readonly TimeProvider _time;
    private long _closedUntilTicks;

    public InstanceGate(int maxConcurrentRequests, TimeProvider time)
    {
        MaxConcurrentRequests = maxConcurrentRequests;
        _slots = new SemaphoreSlim(maxConcurrentRequests, maxConcurrentRequests);
        _time = time;
    }

    public int MaxConcurrentRequests { get; }

    public DateTimeOffset ClosedUntil => new(Interlocked.Read(ref _closedUntilTicks), TimeSpan.Zero);

    /// <summary>Waits for a slot. Hold it for the whole request; dispose to let the next one in.</summary>
    public async ValueTask<Slot> EnterAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Slot(_slots);
    }

    /// <summary>
    /// Waits while the gate is closed. Called with a slot held, right before the request is sent, so a
    /// 429 seen by another request while this one was preparing still holds it back.
    /// </summary>
    public async ValueTask WaitUntilOpenAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = ClosedUntil - _time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Closes the gate until <paramref name="until"/>, or later if it is already closed longer.</summary>
    public void CloseUntil(DateTimeOffset until)
    {
        var ticks = until.UtcTicks;
        var current = Interlocked.Read(ref _closedUntilTicks);
        while (ticks > current)
        {
            var seen = Interlocked.CompareExchange(ref _closedUntilTicks, ticks, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    public readonly struct Slot(SemaphoreSlim slots) : IDisposable
    {
        public void Dispose() => slots.Release();
    }
}
