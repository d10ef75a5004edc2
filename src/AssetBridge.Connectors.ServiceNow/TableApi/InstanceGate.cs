namespace AssetBridge.Connectors.ServiceNow.TableApi;

/// <summary>
/// Every request to one instance passes this gate: it caps requests in flight and, after a 429, keeps
/// the instance closed until the time the instance named. Nothing is sent while it is closed, from
/// any job of this process: ServiceNow counts rate limits per user, and all jobs share it.
/// </summary>
/// <remarks>
/// After a 429 the gate also sends one request at a time for <c>cooldown</c>. Requests already in
/// flight when an instance starts refusing arrive after its 429 and count against the user; with one
/// in flight, a 429 leaves nothing else on the wire. Under a rate limit the instance, not
/// concurrency, sets the pace, so this costs no throughput.
/// </remarks>
internal sealed class InstanceGate
{
    private readonly SemaphoreSlim _slots;
    private readonly SemaphoreSlim _single = new(1, 1);
    private readonly TimeProvider _time;
    private readonly TimeSpan _cooldown;
    private long _closedUntilTicks;
    private long _singleUntilTicks;

    public InstanceGate(int maxConcurrentRequests, TimeSpan cooldown, TimeProvider time)
    {
        MaxConcurrentRequests = maxConcurrentRequests;
        _slots = new SemaphoreSlim(maxConcurrentRequests, maxConcurrentRequests);
        _cooldown = cooldown;
        _time = time;
    }

    public int MaxConcurrentRequests { get; }

    public DateTimeOffset ClosedUntil => new(Interlocked.Read(ref _closedUntilTicks), TimeSpan.Zero);

    private DateTimeOffset SingleUntil => new(Interlocked.Read(ref _singleUntilTicks), TimeSpan.Zero);

    /// <summary>Waits for a slot. Hold the lease for the whole request; dispose it to let the next one in.</summary>
    public async ValueTask<Lease> EnterAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Lease(this);
    }

    /// <summary>Closes the gate until <paramref name="until"/> (or later if already closed longer) and starts the one-at-a-time cooldown.</summary>
    public void CloseUntil(DateTimeOffset until)
    {
        RaiseTo(ref _closedUntilTicks, until.UtcTicks);
        RaiseTo(ref _singleUntilTicks, (until + _cooldown).UtcTicks);
    }

    private static void RaiseTo(ref long field, long ticks)
    {
        var current = Interlocked.Read(ref field);
        while (ticks > current)
        {
            var seen = Interlocked.CompareExchange(ref field, ticks, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>A request's place at the gate: a concurrency slot, and during a cooldown the single-request token.</summary>
    public sealed class Lease(InstanceGate gate) : IDisposable
    {
        private bool _single;
        private bool _disposed;

        /// <summary>
        /// Waits until the request may go on the wire. Called right before sending, after the
        /// credential is on the request, so a 429 seen by another request meanwhile still holds it back.
        /// </summary>
        public async ValueTask WaitUntilOpenAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                var wait = gate.ClosedUntil - gate._time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, gate._time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (!_single && gate._time.GetUtcNow() < gate.SingleUntil)
                {
                    await gate._single.WaitAsync(cancellationToken).ConfigureAwait(false);
                    _single = true;

                    // The request holding the token may have been refused meanwhile: look at the gate again.
                    continue;
                }

                return;
            }
        }

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_single)
            {
                gate._single.Release();
            }

            gate._slots.Release();
        }
    }
}
