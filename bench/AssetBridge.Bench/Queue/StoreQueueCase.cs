using System.Diagnostics;
using System.Globalization;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Storage;

namespace AssetBridge.Bench.Queue;

/// <summary>
/// The store's queue alone: every job enqueued first, then N claimers in this process loop claim →
/// complete (<see cref="IJobQueue.TryClaimAsync"/> taking unassigned jobs, as the CLI's embedded agent
/// does) until the queue is empty. No HTTP, no dispatcher, no run finalization: the ceiling the
/// database puts on the queue.
/// </summary>
internal static class StoreQueueCase
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public static async Task<StoreCaseResult> RunAsync(BenchDatabase database, QueueBenchSettings settings, int claimers)
    {
        await using var store = await database.OpenStoreAsync().ConfigureAwait(false);
        var times = new DispatchTimes();
        var feed = await JobFeed.CreateAsync(store, times, QueueBenchSettings.WarmupRuns + settings.ThroughputRuns, settings.JobsPerRun).ConfigureAwait(false);

        for (var i = 0; i < QueueBenchSettings.WarmupRuns; i++)
        {
            await feed.EnqueueRunAsync().ConfigureAwait(false);
        }

        await DrainAsync(store, claimers).ConfigureAwait(false);

        var jobs = 0;
        for (var i = 0; i < settings.ThroughputRuns; i++)
        {
            jobs += (await feed.EnqueueRunAsync().ConfigureAwait(false)).Count;
        }

        var cpu = CpuMeter.Start(database.Postmaster);
        var started = Stopwatch.GetTimestamp();
        var processed = await DrainAsync(store, claimers).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var shares = cpu.Stop();
        if (processed != jobs)
        {
            throw new InvalidOperationException($"{processed} jobs were claimed and completed, not {jobs}: the measurement is void.");
        }

        return new StoreCaseResult(database.Kind, claimers, jobs, jobs / seconds, shares);
    }

    /// <summary>Claims and completes until the queue is empty; returns how many jobs were completed.</summary>
    private static async Task<int> DrainAsync(IStore store, int claimers)
    {
        var done = await Task.WhenAll(Enumerable.Range(0, claimers).Select(i => Task.Run(async () =>
        {
            var claim = new AgentClaim("claimer-" + i.ToString(CultureInfo.InvariantCulture), Lease, IncludeUnassigned: true);
            var completed = 0;
            while (await store.Jobs.TryClaimAsync(claim, CancellationToken.None).ConfigureAwait(false) is { } lease)
            {
                if (!await store.Jobs.CompleteAsync(lease, new JobOutcome(0, 0, null, null), CancellationToken.None).ConfigureAwait(false))
                {
                    throw new InvalidOperationException($"Job {lease.JobId}'s lease was not current at completion: the measurement is void.");
                }

                completed++;
            }

            return completed;
        }))).ConfigureAwait(false);
        return done.Sum();
    }
}
