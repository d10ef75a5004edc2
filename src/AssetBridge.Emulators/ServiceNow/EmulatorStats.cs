using System.Collections.Concurrent;

namespace AssetBridge.Emulators.ServiceNow;

/// <summary>
/// What the emulator has seen, for assertions and benchmark reports. Counters are updated as
/// requests finish; reading them is thread-safe.
/// </summary>
public sealed class EmulatorStats
{
    /// <summary>How many requests <see cref="RecentRequests"/> keeps.</summary>
    public const int RecentRequestCapacity = 1000;

    private readonly ConcurrentDictionary<int, long> statusCounts = new();
    private readonly ConcurrentDictionary<string, long> tableCounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<EmulatorFault, long> faultCounts = new();
    private readonly ConcurrentDictionary<string, long> grantCounts = new(StringComparer.Ordinal);
    private readonly Queue<RecordedRequest> recent = new();
    private long totalRequests;
    private long rateLimitViolations;
    private long tokensIssued;
    private int inFlight;
    private int maxInFlight;

    /// <summary>Every HTTP request received, whatever its path.</summary>
    public long TotalRequests => Interlocked.Read(ref totalRequests);

    /// <summary>Requests being served right now.</summary>
    public int InFlightRequests => Volatile.Read(ref inFlight);

    /// <summary>The most requests ever served at once.</summary>
    public int MaxConcurrentRequests => Volatile.Read(ref maxInFlight);

    /// <summary>
    /// Requests a user sent after a 429 and before its Retry-After / X-RateLimit-Reset time
    /// (each also got a 429). A client that obeys the limit keeps this at zero.
    /// </summary>
    public long RateLimitViolations => Interlocked.Read(ref rateLimitViolations);

    /// <summary>Tokens issued by /oauth_token.do, all grants together.</summary>
    public long TokensIssued => Interlocked.Read(ref tokensIssued);

    /// <summary>Requests by the status sent (counted as the headers leave); 0 counts connections aborted before any status.</summary>
    public IReadOnlyDictionary<int, long> StatusCounts => new Dictionary<int, long>(statusCounts);

    /// <summary>Table API requests by the table named in the path (including unknown tables).</summary>
    public IReadOnlyDictionary<string, long> RequestsByTable => new Dictionary<string, long>(tableCounts, StringComparer.Ordinal);

    /// <summary>Faults injected, scripted or random, by kind.</summary>
    public IReadOnlyDictionary<EmulatorFault, long> FaultsInjected => new Dictionary<EmulatorFault, long>(faultCounts);

    /// <summary>Tokens issued by grant_type ("client_credentials", "password", "refresh_token").</summary>
    public IReadOnlyDictionary<string, long> TokensIssuedByGrant => new Dictionary<string, long>(grantCounts, StringComparer.Ordinal);

    /// <summary>The last <see cref="RecentRequestCapacity"/> requests, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> RecentRequests
    {
        get
        {
            lock (recent)
            {
                return [.. recent];
            }
        }
    }

    public long CountOfStatus(int statusCode) => statusCounts.TryGetValue(statusCode, out var count) ? count : 0;

    public long RequestsTo(string table) => tableCounts.TryGetValue(table, out var count) ? count : 0;

    /// <summary>Zeroes everything (e.g. after a benchmark's warm-up). Requests in flight still finish and count.</summary>
    public void Reset()
    {
        statusCounts.Clear();
        tableCounts.Clear();
        faultCounts.Clear();
        grantCounts.Clear();
        lock (recent)
        {
            recent.Clear();
        }

        Interlocked.Exchange(ref totalRequests, 0);
        Interlocked.Exchange(ref rateLimitViolations, 0);
        Interlocked.Exchange(ref tokensIssued, 0);
        Interlocked.Exchange(ref maxInFlight, Volatile.Read(ref inFlight));
    }

    internal void RequestStarted()
    {
        Interlocked.Increment(ref totalRequests);
        var now = Interlocked.Increment(ref inFlight);
        var max = Volatile.Read(ref maxInFlight);
        while (now > max)
        {
            var seen = Interlocked.CompareExchange(ref maxInFlight, now, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    internal void RequestEnded() => Interlocked.Decrement(ref inFlight);

    internal void RequestRecorded(RecordedRequest request)
    {
        statusCounts.AddOrUpdate(request.StatusCode, 1, (_, n) => n + 1);
        lock (recent)
        {
            if (recent.Count == RecentRequestCapacity)
            {
                recent.Dequeue();
            }

            recent.Enqueue(request);
        }
    }

    internal void CountTableRequest(string table) => tableCounts.AddOrUpdate(table, 1, (_, n) => n + 1);

    internal void CountViolation() => Interlocked.Increment(ref rateLimitViolations);

    internal void CountFault(EmulatorFault fault) => faultCounts.AddOrUpdate(fault, 1, (_, n) => n + 1);

    internal void CountTokenIssued(string grantType)
    {
        Interlocked.Increment(ref tokensIssued);
        grantCounts.AddOrUpdate(grantType, 1, (_, n) => n + 1);
    }
}
