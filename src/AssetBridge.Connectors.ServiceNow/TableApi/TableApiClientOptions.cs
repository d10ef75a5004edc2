using AssetBridge.Core.Errors;

namespace AssetBridge.Connectors.ServiceNow.TableApi;

/// <summary>
/// How the Table API client talks to ServiceNow: timeouts, retries, rate-limit budget. Every default
/// is named with the rule that constrains it; <see cref="Validate"/> runs when the module is built.
/// </summary>
public sealed class TableApiClientOptions
{
    /// <summary>
    /// Time allowed for one request, headers and body: default 100 s. It must exceed ServiceNow's own
    /// 60 s "REST Table API request timeout" quota, so the instance cancels first and says why.
    /// Range 1 s..30 min.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Time allowed to open a TCP/TLS connection: default 15 s, at most <see cref="RequestTimeout"/>.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a pooled connection is reused: default 5 min, so a moved instance (DNS change during
    /// an upgrade or failover) is picked up within minutes. Range 1 s..1 h.
    /// </summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Attempts per request for transient faults (5xx, resets, timeouts, malformed or cancelled
    /// bodies): default 6, which with a 1 s base and exponential backoff spans about a minute, the
    /// length of a typical node restart. Range 1..20.
    /// </summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>First backoff delay (doubled each retry, with jitter): default 1 s. Range 0..1 min; tests set it tiny.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest single backoff delay: default 30 s, at least <see cref="RetryBaseDelay"/>.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// 429 answers in a row that one request tolerates before the job fails as rate-limited: default 10.
    /// 429s are waited out (the instance gate honours Retry-After), so they do not spend
    /// <see cref="MaxAttempts"/>. Range 1..100.
    /// </summary>
    public int MaxConsecutiveRateLimits { get; set; } = 10;

    /// <summary>Wait after a 429 that names neither Retry-After nor X-RateLimit-Reset: default 1 s. Range 0..10 min.</summary>
    public TimeSpan DefaultRetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Longest wait a 429 may impose: default 15 min. ServiceNow limits are per hour, so a
    /// Retry-After can be up to an hour; longer than this fails the job as rate-limited, so the
    /// schedule retries later instead of an agent holding a lease idle. Range 1 s..2 h.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long after a 429 the instance gate sends one request at a time: default 60 s, twice the
    /// 30 s in which ServiceNow commits its rate-limit counters, so the pace stays gentle until the
    /// instance's own count has caught up. Range 0..1 h; 0 turns the cooldown off.
    /// </summary>
    public TimeSpan RateLimitCooldown { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Largest page body accepted: default 256 MiB, far above 10,000 rows of mapped columns, so only a
    /// runaway response hits it. Range 1 MiB..2 GiB.
    /// </summary>
    public long MaxResponseBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Throws a configuration error naming the first setting that is out of range.</summary>
    public void Validate()
    {
        Check(RequestTimeout >= TimeSpan.FromSeconds(1) && RequestTimeout <= TimeSpan.FromMinutes(30), nameof(RequestTimeout), "1 s to 30 min");
        Check(ConnectTimeout > TimeSpan.Zero && ConnectTimeout <= RequestTimeout, nameof(ConnectTimeout), "above zero and at most RequestTimeout");
        Check(PooledConnectionLifetime >= TimeSpan.FromSeconds(1) && PooledConnectionLifetime <= TimeSpan.FromHours(1), nameof(PooledConnectionLifetime), "1 s to 1 h");
        Check(MaxAttempts is >= 1 and <= 20, nameof(MaxAttempts), "1 to 20");
        Check(RetryBaseDelay >= TimeSpan.Zero && RetryBaseDelay <= TimeSpan.FromMinutes(1), nameof(RetryBaseDelay), "0 to 1 min");
        Check(RetryMaxDelay >= RetryBaseDelay && RetryMaxDelay <= TimeSpan.FromHours(1), nameof(RetryMaxDelay), "RetryBaseDelay to 1 h");
        Check(MaxConsecutiveRateLimits is >= 1 and <= 100, nameof(MaxConsecutiveRateLimits), "1 to 100");
        Check(DefaultRetryAfter >= TimeSpan.Zero && DefaultRetryAfter <= TimeSpan.FromMinutes(10), nameof(DefaultRetryAfter), "0 to 10 min");
        Check(MaxRetryAfter >= TimeSpan.FromSeconds(1) && MaxRetryAfter <= TimeSpan.FromHours(2), nameof(MaxRetryAfter), "1 s to 2 h");
        Check(RateLimitCooldown >= TimeSpan.Zero && RateLimitCooldown <= TimeSpan.FromHours(1), nameof(RateLimitCooldown), "0 to 1 h");
        Check(MaxResponseBytes is >= 1024 * 1024 and <= 2L * 1024 * 1024 * 1024, nameof(MaxResponseBytes), "1 MiB to 2 GiB");
    }

    private static void Check(bool ok, string name, string range)
    {
        if (!ok)
        {
            throw new AssetBridgeException(ErrorKind.Configuration, $"The Table API setting {name} is out of range; set it to {range}.");
        }
    }
}
