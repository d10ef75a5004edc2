using System.Collections.Concurrent;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Runs;
using AssetBridge.Storage.PostgreSql;

namespace AssetBridge.Storage.Tests.PostgreSql;

/// <summary>Two server replicas (two stores) on one database, racing where only one may win.</summary>
public sealed class PostgresReplicaTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private readonly ManualClock clock = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private string? connectionString;
    private PostgresStore? first;
    private PostgresStore? second;

    private PostgresStore First => first!;

    private PostgresStore Second => second!;

    public async Task InitializeAsync()
    {
        if (PostgresServer.SkipReason is not null)
        {
            return;
        }

        connectionString = await PostgresServer.CreateDatabaseAsync();

        // Both replicas start at once: migrations must still apply exactly once.
        var opened = await Task.WhenAll(PostgresStore.OpenAsync(connectionString, clock), PostgresStore.OpenAsync(connectionString, clock));
        (first, second) = (opened[0], opened[1]);
    }

    public async Task DisposeAsync()
    {
        if (first is not null)
        {
            await first.DisposeAsync();
        }

        if (second is not null)
        {
            await second.DisposeAsync();
        }

        if (connectionString is not null)
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    [PostgresFact]
    public async Task TwoReplicas_ClaimingConcurrently_NeverClaimTheSameJobTwice()
    {
        var run = await StartRunAsync();
        var jobs = Enumerable.Range(0, 200)
            .Select(i => new NewJob(run.Id, run.ConnectorId, new OperationKey("servicenow", "cmdb", "1.0", "ListDevices"), "scope-" + i, null, "{}", null, null))
            .ToList();
        var ids = await First.Jobs.EnqueueAsync(jobs, CancellationToken.None);
        var claimed = new ConcurrentBag<long>();
        using var start = new ManualResetEventSlim();

        var claimers = new[] { First, Second }
            .SelectMany((store, replica) => Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            {
                start.Wait();
                while (await store.Jobs.TryClaimAsync(new AgentClaim($"agent-{replica}-{i}", Lease), CancellationToken.None) is { } lease)
                {
                    claimed.Add(lease.JobId);
                }
            })))
            .ToArray();
        start.Set();
        await Task.WhenAll(claimers);

        Assert.Equal(200, claimed.Count);
        Assert.Equal(ids.Order(), claimed.Order());
        var records = await Second.Jobs.ListByRunAsync(run.Id, CancellationToken.None);
        Assert.All(records, r => Assert.Equal((JobState.Processing, 1), (r.State, r.Attempts)));
    }

    [PostgresFact]
    public async Task TwoReplicas_AdvancingOneDueSchedule_OnlyOneWins()
    {
        var connector = (await StartRunAsync()).ConnectorId;
        for (var round = 0; round < 20; round++)
        {
            var due = clock.GetUtcNow() + TimeSpan.FromHours(round);
            Assert.True(await First.Connectors.SetScheduleAsync(connector, TimeSpan.FromHours(1), due, CancellationToken.None));
            using var start = new ManualResetEventSlim();
            var racers = new[] { First, Second, First, Second }
                .Select(store => Task.Run(async () =>
                {
                    start.Wait();
                    return await store.Connectors.AdvanceScheduleAsync(connector, due, due + TimeSpan.FromHours(1), CancellationToken.None);
                }))
                .ToArray();
            start.Set();

            Assert.Equal(1, (await Task.WhenAll(racers)).Count(won => won));
            Assert.Equal(due + TimeSpan.FromHours(1), (await Second.Connectors.GetAsync(connector, CancellationToken.None))!.NextRunAt);
        }
    }

    [PostgresFact]
    public async Task TwoReplicas_PlanningTheSameFollowUpsConcurrently_AddEachJobOnce()
    {
        var run = await StartRunAsync();
        var followUps = Enumerable.Range(0, 50)
            .Select(i => new NewJob(run.Id, run.ConnectorId, new OperationKey("azure", "arm", "1.0", "ListNodes"), $"/subscriptions/{i:D4}/", null, "{}", null, null))
            .ToList();
        using var start = new ManualResetEventSlim();

        // Each replica finalizes the same processed discovery job at once, in several tasks, and plans its follow-ups.
        var planners = new[] { First, Second }
            .SelectMany(store => Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                start.Wait();
                return await store.Jobs.EnqueueAsync(followUps, CancellationToken.None);
            })))
            .ToArray();
        start.Set();
        var added = (await Task.WhenAll(planners)).SelectMany(ids => ids).ToList();

        var jobs = await Second.Jobs.ListByRunAsync(run.Id, CancellationToken.None);
        Assert.Equal(50, jobs.Count);
        Assert.Equal(jobs.Select(j => j.Id).Order(), added.Order());
        Assert.Equal(followUps.Select(j => j.Scope).Order(StringComparer.Ordinal), jobs.Select(j => j.Scope).Order(StringComparer.Ordinal));
    }

    private async Task<SyncRun> StartRunAsync()
    {
        var credential = await First.Credentials.InsertAsync("reader", "basic", "{}", "key-1", id => [(byte)id], clock.GetUtcNow(), CancellationToken.None);
        var connector = await First.Connectors.AddAsync(
            new NewConnector("prod-cmdb", "servicenow", "https://example.service-now.com", credential.Id, "{}"), clock.GetUtcNow(), CancellationToken.None);
        return await First.Runs.CreateAsync(connector.Id, SyncMode.Full, clock.GetUtcNow(), CancellationToken.None);
    }
}
