using AssetBridge.Core.Errors;
using AssetBridge.Core.Runs;

namespace AssetBridge.Storage.Tests.Compliance;

public abstract partial class StoreCompliance
{
    [StoreFact]
    public async Task Run_StartsRunning_WithZeroCounts_AndItsConnectorName()
    {
        var connector = await AddConnectorAsync("prod-cmdb");

        var run = await StartRunAsync(connector.Id, SyncMode.Incremental);

        var expected = new SyncRun(run.Id, connector.Id, "prod-cmdb", SyncMode.Incremental, RunState.Running, Clock.GetUtcNow(), null, RunCounts.Zero, null);
        Assert.Equal(expected, run);
        Assert.Equal(expected, await Store.Runs.GetAsync(run.Id, Ct));
        Assert.Null(await Store.Runs.GetAsync(run.Id + 100, Ct));
    }

    [StoreFact]
    public async Task Run_WhileAnotherIsRunning_IsConflictNamingTheRun()
    {
        var connector = await AddConnectorAsync("prod-cmdb");
        var running = await StartRunAsync(connector.Id);

        var error = await Assert.ThrowsAsync<AssetBridgeException>(() => StartRunAsync(connector.Id));

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Contains("'prod-cmdb'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"run {running.Id}", error.Message, StringComparison.Ordinal);
        var other = await AddConnectorAsync("other");
        Assert.Equal(RunState.Running, (await StartRunAsync(other.Id)).State);
    }

    [StoreFact]
    public async Task Run_ForUnknownConnector_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<AssetBridgeException>(() => StartRunAsync(404));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
    }

    [StoreFact]
    public async Task Run_FinishesOnce_ThenAnotherMayStart()
    {
        var connector = await AddConnectorAsync();
        var run = await StartRunAsync(connector.Id);
        var counts = new RunCounts(10, 20, 3, 4, 2, 1) { VmInstances = 5, CloudVms = 6 };
        Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.True(await Store.Runs.FinishAsync(run.Id, RunState.Failed, counts, "The instance could not be reached.", Clock.GetUtcNow(), Ct));
        Assert.False(await Store.Runs.FinishAsync(run.Id, RunState.Completed, RunCounts.Zero, null, Clock.GetUtcNow(), Ct));

        var finished = await Store.Runs.GetAsync(run.Id, Ct);
        Assert.Equal(run with { State = RunState.Failed, FinishedAt = Clock.GetUtcNow(), Counts = counts, Error = "The instance could not be reached." }, finished);
        Assert.Equal(RunState.Running, (await StartRunAsync(connector.Id)).State);
        Assert.False(await Store.Runs.FinishAsync(run.Id + 100, RunState.Completed, RunCounts.Zero, null, Clock.GetUtcNow(), Ct));
    }

    [StoreFact]
    public async Task Runs_AreListedNewestFirst_WithLimit_AndPerConnector()
    {
        var a = await AddConnectorAsync("a");
        var b = await AddConnectorAsync("b");
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            foreach (var connector in new[] { a, b })
            {
                var run = await StartRunAsync(connector.Id);
                ids.Add(run.Id);
                await Store.Runs.FinishAsync(run.Id, RunState.Completed, RunCounts.Zero, null, Clock.GetUtcNow(), Ct);
            }
        }

        var all = await Store.Runs.ListAsync(null, 10, Ct);
        var latestTwo = await Store.Runs.ListAsync(null, 2, Ct);
        var ofA = await Store.Runs.ListAsync(a.Id, 10, Ct);

        Assert.Equal(ids.AsEnumerable().Reverse(), all.Select(r => r.Id));
        Assert.Equal(ids.AsEnumerable().Reverse().Take(2), latestTwo.Select(r => r.Id));
        Assert.Equal(3, ofA.Count);
        Assert.All(ofA, r => Assert.Equal("a", r.ConnectorName));
        Assert.True(ofA.Select(r => r.Id).SequenceEqual(ofA.Select(r => r.Id).OrderDescending()));
    }
}
