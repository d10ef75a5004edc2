using System.Diagnostics;
using System.Globalization;
using AssetBridge.Agent.Remote;
using AssetBridge.Core.Application;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Storage;
using AssetBridge.Server.Agents;
using AssetBridge.Server.Hosting;
using AssetBridge.Storage.Vault;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssetBridge.Bench.Queue;

/// <summary>
/// End to end through the agent API: the real server (<see cref="ServerHost"/>: Kestrel over HTTPS,
/// dispatcher, agent endpoints, no embedded agent) on a fresh database, and N real remote agents
/// (<see cref="RemoteAgent.RunAsync"/>: enrolled, sessions, long-poll claims) in this process, running
/// no-op jobs. Three phases after a warm-up:
/// <list type="number">
/// <item>throughput: all runs enqueued back to back, each followed by a dispatch pulse as a sync start on
/// this replica gives; jobs/s from the first enqueue to the last job processed;</item>
/// <item>dispatch latency on the tick: single runs at random gaps with no pulse, as for runs another
/// replica (or the scheduler before it pulsed) enqueued; found by the dispatcher's periodic pass;</item>
/// <item>dispatch latency pulsed: the same, each run followed by a pulse.</item>
/// </list>
/// </summary>
internal static class AgentApiCase
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    public static async Task<QueueCaseResult> RunAsync(BenchDatabase database, QueueBenchSettings settings, int agentCount)
    {
        var times = new DispatchTimes();
        using var masterKey = MasterKey.Generate();
        var key = masterKey.ToBase64();
        var serverData = Path.Combine(database.ScratchDirectory, "server");
        Directory.CreateDirectory(serverData);
        await using var server = await ServerHost.StartAsync(
            new ServerOptions
            {
                DataDirectory = serverData,
                Urls = "https://127.0.0.1:0",
                Store = database.StoreSpec,
                EmbeddedAgent = false,
                Environment = name => name == MasterKey.EnvironmentVariable ? key : null,
            },
            CancellationToken.None).ConfigureAwait(false);
        var store = server.Services.GetRequiredService<IStore>();
        var dispatch = server.Services.GetRequiredService<DispatchSignal>();
        var feed = await JobFeed.CreateAsync(store, times, QueueBenchSettings.WarmupRuns + settings.ThroughputRuns + (2 * settings.Probes), settings.JobsPerRun).ConfigureAwait(false);

        using var stop = new CancellationTokenSource();
        var agents = await StartAgentsAsync(server, database.ScratchDirectory, agentCount, settings.AgentConcurrency, times, stop.Token).ConfigureAwait(false);
        try
        {
            var expected = 0L;

            // Warm-up: JIT, pools, TLS sessions and every agent's first claims.
            for (var i = 0; i < QueueBenchSettings.WarmupRuns; i++)
            {
                expected += (await feed.EnqueueRunAsync().ConfigureAwait(false)).Count;
                dispatch.Pulse();
            }

            await WaitProcessedAsync(store, times, expected).ConfigureAwait(false);

            var cpu = CpuMeter.Start(database.Postmaster);
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < settings.ThroughputRuns; i++)
            {
                expected += (await feed.EnqueueRunAsync().ConfigureAwait(false)).Count;
                dispatch.Pulse();
            }

            await WaitProcessedAsync(store, times, expected).ConfigureAwait(false);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var shares = cpu.Stop();
            var jobs = settings.ThroughputRuns * settings.JobsPerRun;

            var random = new Random(QueueBenchSettings.ProbeSeed);
            var onTick = await ProbeAsync(store, feed, times, settings.Probes, random, null, expected).ConfigureAwait(false);
            expected += onTick.Count;
            var pulsed = await ProbeAsync(store, feed, times, settings.Probes, random, dispatch, expected).ConfigureAwait(false);
            expected += pulsed.Count;

            var attempts = await MaxAttemptsAsync(store).ConfigureAwait(false);
            return new QueueCaseResult(database.Kind, agentCount, jobs, jobs / seconds, onTick, pulsed, attempts, times.Duplicates, shares);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(agents).ConfigureAwait(false);
        }
    }

    /// <summary>Enrols the agents (one-time tokens, auto-approved), starts them, and waits until each has heartbeated.</summary>
    private static async Task<List<Task>> StartAgentsAsync(ServerHost server, string scratch, int count, int concurrency, DispatchTimes times, CancellationToken stop)
    {
        var agentService = server.Services.GetRequiredService<AgentService>();
        var store = server.Services.GetRequiredService<IStore>();
        var url = server.Addresses[0];
        var running = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var name = "agent-" + i.ToString("D2", CultureInfo.InvariantCulture);
            var directory = Path.Combine(scratch, name);
            var token = await agentService.CreateEnrollmentTokenAsync(TimeSpan.FromMinutes(10), autoApprove: true, CancellationToken.None).ConfigureAwait(false);
            await RemoteAgent.EnrollAsync(new AgentEnrollment(url, token, name, [], [], server.Thumbprint), directory, TextWriter.Null, CancellationToken.None).ConfigureAwait(false);
            var options = new RemoteAgentOptions { Concurrency = concurrency, DrainTimeout = TimeSpan.FromSeconds(5) };
            running.Add(RemoteAgent.RunAsync(directory, [new NoOpOperation(times)], [], options, TimeProvider.System, NullLoggerFactory.Instance, stop));
        }

        await WaitUntilAsync(async () => (await store.Agents.ListAsync(CancellationToken.None).ConfigureAwait(false)).Count(a => a.LastSeenAt is not null) == count, "every agent to heartbeat").ConfigureAwait(false);
        return running;
    }

    /// <summary>
    /// Single runs at random gaps of 100-350 ms: longer than a run takes, so each finds the agents idle,
    /// and spread over more than one dispatcher interval, so they land at every phase of its tick.
    /// </summary>
    private static async Task<List<TimeSpan>> ProbeAsync(IStore store, JobFeed feed, DispatchTimes times, int probes, Random random, DispatchSignal? pulse, long processedBefore)
    {
        var ids = new List<long>();
        for (var i = 0; i < probes; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100 + random.Next(250))).ConfigureAwait(false);
            ids.AddRange(await feed.EnqueueRunAsync().ConfigureAwait(false));
            pulse?.Pulse();
        }

        await WaitProcessedAsync(store, times, processedBefore + ids.Count).ConfigureAwait(false);
        return times.LatenciesOf(ids);
    }

    /// <summary>
    /// Watches the handlers' count in memory first (no load on the database), then the job states: the
    /// last acknowledgements land a moment after the last handler started.
    /// </summary>
    private static async Task WaitProcessedAsync(IStore store, DispatchTimes times, long expected)
    {
        await WaitUntilAsync(() => Task.FromResult(times.Started >= expected), $"{expected} jobs to be started").ConfigureAwait(false);
        await WaitUntilAsync(
            async () =>
            {
                var counts = await store.Jobs.CountByStateAsync(CancellationToken.None).ConfigureAwait(false);
                if (counts[JobState.Error] > 0)
                {
                    throw new InvalidOperationException($"{counts[JobState.Error]} bench jobs failed; the measurement is void.");
                }

                return counts[JobState.Processed] >= expected;
            },
            $"{expected} jobs to be processed").ConfigureAwait(false);
    }

    private static async Task<int> MaxAttemptsAsync(IStore store)
    {
        var runs = await store.Runs.ListAsync(null, 10_000, CancellationToken.None).ConfigureAwait(false);
        var max = 0;
        foreach (var run in runs)
        {
            foreach (var job in await store.Jobs.ListByRunAsync(run.Id, CancellationToken.None).ConfigureAwait(false))
            {
                max = Math.Max(max, job.Attempts);
            }
        }

        return max;
    }

    /// <summary>Polls every millisecond or so: the error this adds to a throughput phase of seconds is a fraction of a percent.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var started = Stopwatch.GetTimestamp();
        while (!await condition().ConfigureAwait(false))
        {
            if (Stopwatch.GetElapsedTime(started) > Patience)
            {
                throw new TimeoutException($"Gave up waiting for {what} after {Patience}.");
            }

            await Task.Delay(1).ConfigureAwait(false);
        }
    }
}
