using System.Diagnostics;
using System.Globalization;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Runs;
using AssetBridge.Core.Storage;

namespace AssetBridge.Bench.Queue;

/// <summary>
/// Enqueues sync runs of no-op jobs the way a sync start does (a run, then its jobs in one transaction),
/// and stamps each job's ready time. Every run has a connector of its own, because a connector has at
/// most one running run; the jobs carry no credential, so the agent fetches none.
/// </summary>
internal sealed class JobFeed
{
    private readonly IStore _store;
    private readonly DispatchTimes _times;
    private readonly Queue<long> _connectors;
    private readonly int _jobsPerRun;

    private JobFeed(IStore store, DispatchTimes times, IEnumerable<long> connectors, int jobsPerRun)
    {
        _store = store;
        _times = times;
        _connectors = new Queue<long>(connectors);
        _jobsPerRun = jobsPerRun;
    }

    /// <summary>Adds the credential row and <paramref name="runs"/> connectors the runs will use.</summary>
    public static async Task<JobFeed> CreateAsync(IStore store, DispatchTimes times, int runs, int jobsPerRun)
    {
        var now = TimeProvider.System.GetUtcNow();
        var credential = await store.Credentials.InsertAsync("bench", "servicenow-basic", "{}", "bench", id => [(byte)id], now, CancellationToken.None).ConfigureAwait(false);
        var connectors = new List<long>(runs);
        for (var i = 0; i < runs; i++)
        {
            var name = "bench-" + i.ToString(CultureInfo.InvariantCulture);
            var connector = await store.Connectors.AddAsync(new NewConnector(name, ConnectorKinds.ServiceNow, "https://bench.invalid", credential.Id, "{}"), now, CancellationToken.None).ConfigureAwait(false);
            connectors.Add(connector.Id);
        }

        return new JobFeed(store, times, connectors, jobsPerRun);
    }

    /// <summary>Starts one run and enqueues its jobs; returns their ids, each stamped ready when the enqueue committed.</summary>
    public async Task<IReadOnlyList<long>> EnqueueRunAsync()
    {
        var connector = _connectors.Count > 0 ? _connectors.Dequeue() : throw new InvalidOperationException("The feed has no connector left for another run.");
        var run = await _store.Runs.CreateAsync(connector, SyncMode.Incremental, TimeProvider.System.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        var jobs = Enumerable.Range(0, _jobsPerRun)
            .Select(i => new NewJob(run.Id, connector, NoOpOperation.Operation, "scope-" + i.ToString(CultureInfo.InvariantCulture), null, "{}", null, null))
            .ToList();
        var ids = await _store.Jobs.EnqueueAsync(jobs, CancellationToken.None).ConfigureAwait(false);
        _times.Ready(ids, Stopwatch.GetTimestamp());
        return ids;
    }
}
