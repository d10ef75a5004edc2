using System.Collections.Concurrent;

namespace AssetBridge.Emulators.Azure.RateLimiting;

/// <summary>
/// ARM's read throttling as a token bucket per key on the injected clock: a full bucket of
/// <c>capacity</c> tokens, refilled continuously at <c>refillPerSecond</c>; each read takes one. The
/// keys are (principal, subscription) for subscription reads and the principal for tenant reads.
/// </summary>
internal sealed class ReadBuckets(int capacity, double refillPerSecond, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Bucket> buckets = new(StringComparer.OrdinalIgnoreCase);

    public static string SubscriptionKey(string clientId, string subscriptionId) => $"subscription|{clientId}|{subscriptionId}";

    public static string TenantKey(string clientId) => $"tenant|{clientId}";

    /// <summary>Takes a token if there is one; either way says what is left and, when refused, how long until one is back.</summary>
    public ReadDecision TryTake(string key)
    {
        var bucket = buckets.GetOrAdd(key, _ => new Bucket(capacity, time.GetUtcNow()));
        lock (bucket)
        {
            Refill(bucket);
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                return new ReadDecision(true, (int)Math.Floor(bucket.Tokens), TimeSpan.Zero);
            }

            // Whole seconds, rounded up, at least one: a client that waits this long finds a token.
            var wait = Math.Max(1, Math.Ceiling((1 - bucket.Tokens) / refillPerSecond));
            return new ReadDecision(false, 0, TimeSpan.FromSeconds(wait));
        }
    }

    /// <summary>Tokens left, without taking one (for responses a fault answered).</summary>
    public int Remaining(string key)
    {
        if (!buckets.TryGetValue(key, out var bucket))
        {
            return capacity;
        }

        lock (bucket)
        {
            Refill(bucket);
            return (int)Math.Floor(bucket.Tokens);
        }
    }

    private void Refill(Bucket bucket)
    {
        var now = time.GetUtcNow();
        if (now > bucket.RefilledAt)
        {
            bucket.Tokens = Math.Min(capacity, bucket.Tokens + ((now - bucket.RefilledAt).TotalSeconds * refillPerSecond));
            bucket.RefilledAt = now;
        }
    }

    private sealed class Bucket(double tokens, DateTimeOffset refilledAt)
    {
        public double Tokens { get; set; } = tokens;

        public DateTimeOffset RefilledAt { get; set; } = refilledAt;
    }
}

/// <summary>Whether a read may proceed, the tokens left after it, and the wait when it may not.</summary>
internal readonly record struct ReadDecision(bool Allowed, int Remaining, TimeSpan RetryAfter);
