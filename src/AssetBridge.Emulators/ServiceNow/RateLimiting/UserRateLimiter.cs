using System.Collections.Concurrent;

namespace AssetBridge.Emulators.ServiceNow.RateLimiting;

/// <summary>
/// Per-user token bucket on the injected clock. The bucket holds one second's worth of requests
/// (at least one). When it is empty the user is told to wait a whole number of seconds
/// (Retry-After); every request the user sends before that time is a violation — the signal tests
/// use to prove a client sends nothing while it is told to wait. Waits also apply with no rate
/// configured, because a scripted RateLimited fault imposes one.
/// </summary>
internal sealed class UserRateLimiter(double requestsPerSecond, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Bucket> buckets = new(StringComparer.Ordinal);

    /// <summary>The bucket size, also reported as X-RateLimit-Limit.</summary>
    public int Capacity { get; } = Math.Max(1, (int)Math.Ceiling(requestsPerSecond));

    /// <summary>Null when the request may proceed (it then used a token).</summary>
    public RateLimitRejection? TryAcquire(string username)
    {
        var bucket = buckets.GetOrAdd(username, _ => new Bucket(Capacity, time.GetUtcNow()));
        lock (bucket)
        {
            var now = time.GetUtcNow();
            if (now < bucket.WaitUntil)
            {
                return new RateLimitRejection(bucket.WaitUntil, WholeSeconds(bucket.WaitUntil - now), IsViolation: true);
            }

            if (requestsPerSecond <= 0)
            {
                return null;
            }

            bucket.Tokens = Math.Min(Capacity, bucket.Tokens + ((now - bucket.RefilledAt).TotalSeconds * requestsPerSecond));
            bucket.RefilledAt = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                return null;
            }

            var retryAfter = WholeSeconds(TimeSpan.FromSeconds((1 - bucket.Tokens) / requestsPerSecond));
            bucket.WaitUntil = now + retryAfter;
            return new RateLimitRejection(bucket.WaitUntil, retryAfter, IsViolation: false);
        }
    }

    /// <summary>Imposes a wait as a 429 does (the scripted RateLimited fault).</summary>
    public RateLimitRejection Impose(string username, TimeSpan wait)
    {
        var bucket = buckets.GetOrAdd(username, _ => new Bucket(Capacity, time.GetUtcNow()));
        lock (bucket)
        {
            var retryAfter = WholeSeconds(wait);
            bucket.WaitUntil = time.GetUtcNow() + retryAfter;
            return new RateLimitRejection(bucket.WaitUntil, retryAfter, IsViolation: false);
        }
    }

    /// <summary>Retry-After is whole seconds and at least one; rounding up keeps a waiting client safe.</summary>
    private static TimeSpan WholeSeconds(TimeSpan wait) => TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(wait.TotalSeconds)));

    private sealed class Bucket(double tokens, DateTimeOffset refilledAt)
    {
        public double Tokens { get; set; } = tokens;

        public DateTimeOffset RefilledAt { get; set; } = refilledAt;

        public DateTimeOffset WaitUntil { get; set; } = DateTimeOffset.MinValue;
    }
}
