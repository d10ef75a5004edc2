namespace AssetBridge.Connectors.Azure.Arm;

/// <summary>
/// AssetBridge's estimate of one ARM read bucket (one principal in one subscription, or in the tenant),
/// shared by every job of the process. ARM refills a bucket at a steady rate up to its size and counts
/// each read against it; it reports what is left in <c>x-ms-ratelimit-remaining-*-reads</c> on every
/// answer. The estimate refills at the same rate between answers and is corrected by each answer, so a
/// request waits only when the bucket is near the pacing floor, just long enough for the refill to
/// bring it back above. A 429 empties the estimate and closes the bucket until its Retry-After.
/// </summary>
internal sealed class ReadBudget
{
    private readonly object _lock = new();
    private readonly TimeProvider _time;
    private readonly double _refillPerSecond;
    private readonly int _floor;
    private double _size;
    private double _tokens;
    private DateTimeOffset _at;
    private DateTimeOffset _closedUntil;
    private int _inFlight;

    public ReadBudget(int size, double refillPerSecond, int floor, TimeProvider time)
    {
        _time = time;
        _size = size;
        _refillPerSecond = refillPerSecond;
        _floor = floor;

        // Until ARM says otherwise the bucket is taken to be full; the first answer corrects it, and
        // the floor keeps the requests sent before that answer from overdrawing a bucket others drained.
        _tokens = size;
        _at = time.GetUtcNow();
    }

    /// <summary>Reads the estimate holds now (after refill); for tests and logs.</summary>
    public double Available
    {
        get
        {
            lock (_lock)
            {
                Refill(_time.GetUtcNow());
                return _tokens;
            }
        }
    }

    /// <summary>The bucket size learned so far: the configured size, or more if ARM reported more.</summary>
    public double Size
    {
        get
        {
            lock (_lock)
            {
                return _size;
            }
        }
    }

    /// <summary>
    /// Waits until one read may be spent, spends it, and returns how long it waited. Every request
    /// calls this right before it goes on the wire, and <see cref="Complete"/> when its answer arrived.
    /// </summary>
    public async ValueTask<TimeSpan> SpendAsync(CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        while (true)
        {
            var wait = TrySpend();
            if (wait <= TimeSpan.Zero)
            {
                return waited;
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            waited += wait;
        }
    }

    /// <summary>
    /// Records an answer to a request spent from this budget. <paramref name="remaining"/> is what ARM
    /// reported left in the bucket, when it did.
    /// </summary>
    public void Complete(long? remaining)
    {
        lock (_lock)
        {
            _inFlight = Math.Max(0, _inFlight - 1);
            if (remaining is not { } left || left < 0)
            {
                return;
            }

            var now = _time.GetUtcNow();
            Refill(now);

            // ARM's bucket is at least what it just reported plus the read it just counted.
            _size = Math.Max(_size, left + 1);

            // Checkpoint: ARM's count is the truth. Requests still in flight were spent here but may not
            // be in ARM's count yet; subtracting them errs on the side of waiting.
            _tokens = Math.Min(_size, left - _inFlight);
            _at = now;
        }
    }

    /// <summary>Records a 429: nothing is sent from this budget until <paramref name="until"/>, and the estimate starts empty then.</summary>
    public void CloseUntil(DateTimeOffset until)
    {
        lock (_lock)
        {
            _inFlight = Math.Max(0, _inFlight - 1);
            if (until > _closedUntil)
            {
                _closedUntil = until;
            }

            _tokens = 0;
            _at = until;
        }
    }

    /// <summary>Spends a read and returns zero, or returns how long to wait before trying again.</summary>
    private TimeSpan TrySpend()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (now < _closedUntil)
            {
                return _closedUntil - now;
            }

            Refill(now);
            if (_tokens - 1 >= _floor)
            {
                _tokens -= 1;
                _inFlight++;
                return TimeSpan.Zero;
            }

            // Just long enough for the refill to lift the estimate to the floor plus this read.
            var missing = _floor + 1 - _tokens;
            return TimeSpan.FromSeconds(Math.Max(missing / _refillPerSecond, 0.001));
        }
    }

    private void Refill(DateTimeOffset now)
    {
        if (now <= _at)
        {
            return;
        }

        _tokens = Math.Min(_size, _tokens + ((now - _at).TotalSeconds * _refillPerSecond));
        _at = now;
    }
}
