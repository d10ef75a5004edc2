using System.Collections.Concurrent;
using System.Diagnostics;

namespace AssetBridge.Bench.Queue;

/// <summary>
/// When each job became ready (its enqueue committed) and when an agent first held its lease (the no-op
/// handler started, right after the claim returned). Both are <see cref="Stopwatch"/> timestamps taken
/// in this one process, so their difference is the dispatch latency.
/// </summary>
internal sealed class DispatchTimes
{
    private readonly ConcurrentDictionary<long, long> _ready = new();
    private readonly ConcurrentDictionary<long, long> _held = new();
    private int _started;

    /// <summary>How many jobs a handler has started, in total (the bench watches it to know when to look closer).</summary>
    public int Started => Volatile.Read(ref _started);

    /// <summary>Handler starts beyond the first per job: a job dispatched twice.</summary>
    public int Duplicates => Started - _held.Count;

    public void Ready(IEnumerable<long> jobIds, long timestamp)
    {
        foreach (var id in jobIds)
        {
            _ready[id] = timestamp;
        }
    }

    public void Held(long jobId)
    {
        // A job claimed twice would keep its first time; the bench checks attempts separately.
        _held.TryAdd(jobId, Stopwatch.GetTimestamp());
        Interlocked.Increment(ref _started);
    }

    /// <summary>Latency of each of <paramref name="jobIds"/>; every one must have been held.</summary>
    public List<TimeSpan> LatenciesOf(IEnumerable<long> jobIds) =>
        jobIds.Select(id => _held.TryGetValue(id, out var held) && _ready.TryGetValue(id, out var ready)
                ? Stopwatch.GetElapsedTime(ready, held)
                : throw new InvalidOperationException($"Job {id} was never started by an agent."))
            .ToList();
}
