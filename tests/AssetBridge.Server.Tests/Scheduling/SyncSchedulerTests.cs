using AssetBridge.Core.Application;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Runs;
using AssetBridge.Server.Composition;
using AssetBridge.Server.Scheduling;
using AssetBridge.Server.Tests.Infrastructure;
using AssetBridge.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssetBridge.Server.Tests.Scheduling;

public sealed class SyncSchedulerTests
{
    [Fact]
    public async Task DueConnector_StartsExactlyOneRun_AcrossTwoReplicasOnOneDatabase()
    {
        var root = Path.Combine(Path.GetTempPath(), "assetbridge-scheduler-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var database = Path.Combine(root, "assetbridge.db");
        var clock = new ManualClock(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var modules = ConnectorModules.Create(clock, NullLoggerFactory.Instance, _ => null);
        await using var first = await SqliteStore.OpenAsync(database, clock, null, CancellationToken.None);
        await using var second = await SqliteStore.OpenAsync(database, clock, null, CancellationToken.None);
        try
        {
            var credential = await first.Credentials.InsertAsync("c", "servicenow-basic", "{}", "k", _ => [1], clock.GetUtcNow(), CancellationToken.None);
            var (target, settings) = ConnectorModules.DescribeServiceNow("https://contoso.service-now.com", null, [], null, null);
            var connector = await first.Connectors.AddAsync(new NewConnector("sn", "servicenow", target, credential.Id, settings), clock.GetUtcNow(), CancellationToken.None);
            await first.Connectors.SetScheduleAsync(connector.Id, TimeSpan.FromHours(6), clock.GetUtcNow() + TimeSpan.FromHours(6), CancellationToken.None);

            var replicas = new[] { Scheduler(first, modules, clock), Scheduler(second, modules, clock) };
            Assert.Equal(0, (await Task.WhenAll(replicas.Select(r => r.TickAsync(CancellationToken.None)))).Sum());

            clock.Advance(TimeSpan.FromHours(6));
            var started = await Task.WhenAll(replicas.Select(r => r.TickAsync(CancellationToken.None)));
            Assert.Equal(1, started.Sum());
            Assert.Equal(0, (await Task.WhenAll(replicas.Select(r => r.TickAsync(CancellationToken.None)))).Sum());

            var runs = await first.Runs.ListAsync(connector.Id, 10, CancellationToken.None);
            Assert.Equal(RunState.Running, Assert.Single(runs).State);
            var after = await first.Connectors.GetAsync(connector.Id, CancellationToken.None);
            Assert.Equal(clock.GetUtcNow() + TimeSpan.FromHours(6), after!.NextRunAt);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    [Fact]
    public void NextAfter_SkipsMissedSlots_InsteadOfBursting()
    {
        var start = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var every = TimeSpan.FromHours(6);
        Assert.Equal(start + every, SyncScheduler.NextAfter(start, every, start));
        Assert.Equal(start + TimeSpan.FromHours(30), SyncScheduler.NextAfter(start, every, start + TimeSpan.FromHours(25)));
    }

    private static SyncScheduler Scheduler(SqliteStore store, ConnectorModules modules, TimeProvider clock) =>
        new(store, new SyncService(store, modules.Planners, new RunFinalizer(store, clock), clock), clock, TimeSpan.FromSeconds(5), NullLogger<SyncScheduler>.Instance);
}
