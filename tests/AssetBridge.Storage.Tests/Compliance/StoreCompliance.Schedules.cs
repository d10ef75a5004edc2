using AssetBridge.Core.Agents;
using AssetBridge.Core.Connectors;

namespace AssetBridge.Storage.Tests.Compliance;

public abstract partial class StoreCompliance
{
    [StoreFact]
    public async Task Connector_AddedWithEvery_IsFirstDueOneIntervalAfterItWasCreated()
    {
        var credential = await AddCredentialAsync();
        var added = await Store.Connectors.AddAsync(
            new NewConnector("hourly", "servicenow", "https://example.service-now.com", credential, "{}") { Every = TimeSpan.FromHours(1) }, Clock.GetUtcNow(), Ct);
        var unscheduled = await AddConnectorAsync("manual", credential);

        Assert.Equal((TimeSpan.FromHours(1), Clock.GetUtcNow() + TimeSpan.FromHours(1)), (added.Every, added.NextRunAt));
        Assert.Equal(((TimeSpan?)null, (DateTimeOffset?)null), (unscheduled.Every, unscheduled.NextRunAt));
        Assert.Empty(await Store.Connectors.ListDueAsync(Clock.GetUtcNow() + TimeSpan.FromMinutes(59), Ct));
        Assert.Equal([added.Id], (await Store.Connectors.ListDueAsync(Clock.GetUtcNow() + TimeSpan.FromHours(1), Ct)).Select(c => c.Id));
    }

    [StoreFact]
    public async Task ListDue_ReturnsScheduledConnectorsDueAtOrBeforeNow_InDueOrder()
    {
        var late = await AddConnectorAsync("late");
        var early = await AddConnectorAsync("early");
        var future = await AddConnectorAsync("future");
        var now = Clock.GetUtcNow();
        Assert.True(await Store.Connectors.SetScheduleAsync(late.Id, TimeSpan.FromMinutes(30), now, Ct));
        Assert.True(await Store.Connectors.SetScheduleAsync(early.Id, TimeSpan.FromMinutes(30), now - TimeSpan.FromMinutes(5), Ct));
        Assert.True(await Store.Connectors.SetScheduleAsync(future.Id, TimeSpan.FromMinutes(30), now + TimeSpan.FromSeconds(1), Ct));

        Assert.Equal([early.Id, late.Id], (await Store.Connectors.ListDueAsync(now, Ct)).Select(c => c.Id));

        Assert.True(await Store.Connectors.SetScheduleAsync(early.Id, null, null, Ct));
        Assert.Equal([late.Id], (await Store.Connectors.ListDueAsync(now, Ct)).Select(c => c.Id));
        Assert.Equal(((TimeSpan?)null, (DateTimeOffset?)null), ((await Store.Connectors.GetAsync(early.Id, Ct))!.Every, (await Store.Connectors.GetAsync(early.Id, Ct))!.NextRunAt));
        Assert.False(await Store.Connectors.SetScheduleAsync(future.Id + 100, TimeSpan.FromMinutes(1), now, Ct));
    }

    [StoreFact]
    public async Task AdvanceSchedule_SucceedsOnce_ForTheSameExpectedTime()
    {
        var connector = await AddConnectorAsync();
        var due = Clock.GetUtcNow();
        await Store.Connectors.SetScheduleAsync(connector.Id, TimeSpan.FromHours(1), due, Ct);

        Assert.True(await Store.Connectors.AdvanceScheduleAsync(connector.Id, due, due + TimeSpan.FromHours(1), Ct));
        Assert.False(await Store.Connectors.AdvanceScheduleAsync(connector.Id, due, due + TimeSpan.FromHours(1), Ct));

        Assert.Equal(due + TimeSpan.FromHours(1), (await Store.Connectors.GetAsync(connector.Id, Ct))!.NextRunAt);
        Assert.Empty(await Store.Connectors.ListDueAsync(due, Ct));
    }

    [StoreFact]
    public async Task Placement_RoundTrips_AndClearsBackToAny()
    {
        var credential = await AddCredentialAsync();
        var added = await Store.Connectors.AddAsync(
            new NewConnector("pinned", "servicenow", "https://example.service-now.com", credential, "{}") { Placement = new AgentPlacement("edge-1", null, "server-1") }, Clock.GetUtcNow(), Ct);

        Assert.Equal(new AgentPlacement("edge-1", null, "server-1"), added.Placement);
        Assert.True(await Store.Connectors.SetPlacementAsync(added.Id, new AgentPlacement(null, "dc-east", null), Ct));
        Assert.Equal(new AgentPlacement(null, "dc-east", null), (await Store.Connectors.GetAsync(added.Id, Ct))!.Placement);
        Assert.True(await Store.Connectors.SetPlacementAsync(added.Id, AgentPlacement.Any, Ct));
        Assert.Equal(AgentPlacement.Any, (await Store.Connectors.FindAsync("pinned", Ct))!.Placement);
        Assert.False(await Store.Connectors.SetPlacementAsync(added.Id + 100, AgentPlacement.Any, Ct));
    }
}
