using System.Collections.Concurrent;

namespace AssetBridge.Emulators.Azure;

/// <summary>
/// What the Azure emulator has seen, for assertions and benchmark reports. A request is counted just
/// before its headers leave, so a client holding a response finds it here. Thread-safe.
/// </summary>
public sealed class AzureEmulatorStats
{
    /// <summary>How many requests <see cref="RecentRequests"/> keeps.</summary>
    public const int RecentRequestCapacity = 1000;

    private readonly ConcurrentDictionary<int, long> statusCounts = new();
    private readonly ConcurrentDictionary<string, long> endpointCounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<AzureFault, long> faultCounts = new();
    private readonly Queue<AzureRecordedRequest> recent = new();
    private long requests;
    private long tokenRequests;
    private long tokensIssued;
    private long throttled;

    /// <summary>Every HTTP request received, whatever its path.</summary>
    public long Requests => Interlocked.Read(ref requests);

    /// <summary>POSTs the token endpoint answered, granted or refused (a scripted fault answering instead does not count; see <see cref="RequestsTo"/>("token")).</summary>
    public long TokenRequests => Interlocked.Read(ref tokenRequests);

    /// <summary>Access tokens issued.</summary>
    public long TokensIssued => Interlocked.Read(ref tokensIssued);

    /// <summary>429s sent: empty buckets and scripted or random 429 faults.</summary>
    public long Throttled => Interlocked.Read(ref throttled);

    /// <summary>Requests by status sent; 0 counts connections aborted before any status.</summary>
    public IReadOnlyDictionary<int, long> StatusCounts => new Dictionary<int, long>(statusCounts);

    /// <summary>Requests by endpoint (see <see cref="AzureRecordedRequest.Endpoint"/> for the names).</summary>
    public IReadOnlyDictionary<string, long> RequestsByEndpoint => new Dictionary<string, long>(endpointCounts, StringComparer.Ordinal);

    /// <summary>Faults injected, scripted or random, by kind.</summary>
    public IReadOnlyDictionary<AzureFault, long> FaultsInjected => new Dictionary<AzureFault, long>(faultCounts);

    /// <summary>The last <see cref="RecentRequestCapacity"/> requests, oldest first.</summary>
    public IReadOnlyList<AzureRecordedRequest> RecentRequests
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

    public long RequestsTo(string endpoint) => endpointCounts.TryGetValue(endpoint, out var count) ? count : 0;

    /// <summary>Zeroes everything; requests in flight still finish and count.</summary>
    public void Reset()
    {
        statusCounts.Clear();
        endpointCounts.Clear();
        faultCounts.Clear();
        lock (recent)
        {
            recent.Clear();
        }

        Interlocked.Exchange(ref requests, 0);
        Interlocked.Exchange(ref tokenRequests, 0);
        Interlocked.Exchange(ref tokensIssued, 0);
        Interlocked.Exchange(ref throttled, 0);
    }

    internal void RequestReceived() => Interlocked.Increment(ref requests);

    internal void TokenRequested() => Interlocked.Increment(ref tokenRequests);

    internal void TokenIssued() => Interlocked.Increment(ref tokensIssued);

    internal void CountFault(AzureFault fault) => faultCounts.AddOrUpdate(fault, 1, (_, n) => n + 1);

    internal void Recorded(AzureRecordedRequest request)
    {
        statusCounts.AddOrUpdate(request.StatusCode, 1, (_, n) => n + 1);
        endpointCounts.AddOrUpdate(request.Endpoint, 1, (_, n) => n + 1);
        if (request.StatusCode == 429)
        {
            Interlocked.Increment(ref throttled);
        }

        lock (recent)
        {
            if (recent.Count == RecentRequestCapacity)
            {
                recent.Dequeue();
            }

            recent.Enqueue(request);
        }
    }
}
