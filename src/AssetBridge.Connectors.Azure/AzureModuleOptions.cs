using System.Security.Cryptography.X509Certificates;
using AssetBridge.Core.Errors;

namespace AssetBridge.Connectors.Azure;

/// <summary>
/// How the Azure connector talks to Entra ID and Azure Resource Manager: timeouts, retries, the read
/// budget it paces itself by, and extra TLS roots. Every default is named with the rule that constrains
/// it; <see cref="Validate"/> runs when the module is built.
/// </summary>
public sealed class AzureModuleOptions
{
    /// <summary>
    /// Time allowed for one request, headers and body: default 100 s, ARM's own gateway timeout for a
    /// read, so ARM gives up first and says why. Range 1 s..30 min.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Time allowed to open a TCP/TLS connection: default 15 s, at most <see cref="RequestTimeout"/>.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a pooled connection is reused: default 5 min, so ARM's DNS moves (regional failover)
    /// are picked up within minutes. Range 1 s..1 h.
    /// </summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Listings one ListNodes job reads at the same time: default 3 (network interfaces, public IP
    /// addresses and VM power states, before the VM pages). Pages of one listing are always read in
    /// order, since each names the next. Range 1..8; the read budget, not this, sets the pace.
    /// </summary>
    public int MaxConcurrentListsPerJob { get; set; } = 3;

    /// <summary>
    /// Attempts per request for transient faults (5xx, resets, timeouts, malformed bodies): default 6,
    /// which with a 1 s base and exponential backoff spans about a minute. Range 1..20. Entra ID token
    /// requests get the same budget through Azure.Identity's own retry policy.
    /// </summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>First backoff delay (doubled each retry, with jitter): default 1 s. Range 0..1 min; tests set it tiny.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest single backoff delay: default 30 s, at least <see cref="RetryBaseDelay"/>.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// 429 answers in a row that one request tolerates before its job fails as throttled: default 10.
    /// They are waited out (Retry-After) and do not spend <see cref="MaxAttempts"/>. Range 1..100.
    /// </summary>
    public int MaxConsecutiveThrottles { get; set; } = 10;

    /// <summary>Wait after a 429 without Retry-After: default 5 s, ARM's usual hint for read throttling. Range 0..10 min.</summary>
    public TimeSpan DefaultRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Longest wait a 429 may impose: default 5 min; longer fails the job as throttled, so the schedule
    /// retries later instead of an agent holding a lease idle. Range 1 s..1 h.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Size of ARM's read bucket per principal and subscription (and per principal for tenant-level
    /// reads), assumed until a response reports more: default 250, ARM's documented bucket. The
    /// <c>x-ms-ratelimit-remaining-*-reads</c> headers correct the estimate on every response.
    /// Range 1..100,000.
    /// </summary>
    public int ReadBucketSize { get; set; } = 250;

    /// <summary>Reads the bucket regains per second: default 25, ARM's documented refill. Range 0.1..10,000.</summary>
    public double ReadRefillPerSecond { get; set; } = 25;

    /// <summary>
    /// The pacing floor: reads left in a bucket below which requests wait for the refill instead of
    /// spending them: default 10. It keeps room for requests already in flight and for other clients
    /// of the same principal, so a large tenant is read at the refill rate without a 429.
    /// Range 0..<see cref="ReadBucketSize"/> less one.
    /// </summary>
    public int PacingFloor { get; set; } = 10;

    /// <summary>
    /// Whether ListNodes reads VM power states: default true. It costs one extra paged list per
    /// subscription (<c>statusOnly=true</c>), never a call per VM.
    /// </summary>
    public bool ReadPowerState { get; set; } = true;

    /// <summary>
    /// Pages one listing may have before its job fails: default 100,000, a guard against a next-page
    /// link that never ends. Range 1..10,000,000.
    /// </summary>
    public int MaxPagesPerListing { get; set; } = 100_000;

    /// <summary>Largest response body accepted: default 64 MiB, far above an ARM page. Range 1 MiB..1 GiB.</summary>
    public long MaxResponseBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Root certificates trusted in addition to the system store (emulators, tests, a demo): default
    /// none. Validation is never switched off: a server certificate is accepted when the system store
    /// trusts it, or when its chain fails only for an untrusted root and builds to one of these roots.
    /// For a proxy or private CA in production, add the CA to the system store or point SSL_CERT_FILE at it.
    /// </summary>
    public X509Certificate2Collection? ExtraTrustedRoots { get; set; }

    /// <summary>Throws a configuration error naming the first setting that is out of range.</summary>
    public void Validate()
    {
        Check(RequestTimeout >= TimeSpan.FromSeconds(1) && RequestTimeout <= TimeSpan.FromMinutes(30), nameof(RequestTimeout), "1 s to 30 min");
        Check(ConnectTimeout > TimeSpan.Zero && ConnectTimeout <= RequestTimeout, nameof(ConnectTimeout), "above zero and at most RequestTimeout");
        Check(PooledConnectionLifetime >= TimeSpan.FromSeconds(1) && PooledConnectionLifetime <= TimeSpan.FromHours(1), nameof(PooledConnectionLifetime), "1 s to 1 h");
        Check(MaxConcurrentListsPerJob is >= 1 and <= 8, nameof(MaxConcurrentListsPerJob), "1 to 8");
        Check(MaxAttempts is >= 1 and <= 20, nameof(MaxAttempts), "1 to 20");
        Check(RetryBaseDelay >= TimeSpan.Zero && RetryBaseDelay <= TimeSpan.FromMinutes(1), nameof(RetryBaseDelay), "0 to 1 min");
        Check(RetryMaxDelay >= RetryBaseDelay && RetryMaxDelay <= TimeSpan.FromHours(1), nameof(RetryMaxDelay), "RetryBaseDelay to 1 h");
        Check(MaxConsecutiveThrottles is >= 1 and <= 100, nameof(MaxConsecutiveThrottles), "1 to 100");
        Check(DefaultRetryAfter >= TimeSpan.Zero && DefaultRetryAfter <= TimeSpan.FromMinutes(10), nameof(DefaultRetryAfter), "0 to 10 min");
        Check(MaxRetryAfter >= TimeSpan.FromSeconds(1) && MaxRetryAfter <= TimeSpan.FromHours(1), nameof(MaxRetryAfter), "1 s to 1 h");
        Check(ReadBucketSize is >= 1 and <= 100_000, nameof(ReadBucketSize), "1 to 100000");
        Check(ReadRefillPerSecond is >= 0.1 and <= 10_000, nameof(ReadRefillPerSecond), "0.1 to 10000");
        Check(PacingFloor >= 0 && PacingFloor < ReadBucketSize, nameof(PacingFloor), "0 to ReadBucketSize less one");
        Check(MaxPagesPerListing is >= 1 and <= 10_000_000, nameof(MaxPagesPerListing), "1 to 10000000");
        Check(MaxResponseBytes is >= 1024 * 1024 and <= 1024L * 1024 * 1024, nameof(MaxResponseBytes), "1 MiB to 1 GiB");
    }

    private static void Check(bool ok, string name, string range)
    {
        if (!ok)
        {
            throw new AssetBridgeException(ErrorKind.Configuration, $"The Azure connector setting {name} is out of range; set it to {range}.");
        }
    }
}
