using AssetBridge.Core.Inventory;
using AssetBridge.Core.Storage;

namespace AssetBridge.Storage.Tests.Compliance;

public abstract partial class StoreCompliance
{
    [StoreFact]
    public async Task Devices_AreReadInConnectorAndSysIdOrder_WithTheirConnectorsName()
    {
        var b = await AddConnectorAsync("b");
        var a = await AddConnectorAsync("a");
        await SyncAsync(a.Id, (Computers, Devices(Device("d2"), Device("d10"), Device("D3"))));
        await SyncAsync(b.Id, (Computers, Devices(Device("d1"))));

        var devices = await ReadDevicesAsync();
        var onlyA = await ReadDevicesAsync(new DeviceQuery(a.Id));

        Assert.Equal(
            [(b.Id, "b", "d1"), (a.Id, "a", "D3"), (a.Id, "a", "d10"), (a.Id, "a", "d2")],
            devices.Select(d => (d.ConnectorId, d.ConnectorName, d.Device.SysId)));
        Assert.Equal(["D3", "d10", "d2"], onlyA.Select(d => d.Device.SysId));
    }

    [StoreFact]
    public async Task Devices_CarryTheirLiveAdapters_InSysIdOrder()
    {
        var connector = await AddConnectorAsync();
        var other = await AddConnectorAsync("other");
        await SyncAsync(
            connector.Id,
            (Computers, Devices(Device("d1"), Device("d2"), Device("d4"))),
            (Adapters, AdapterBatch(Adapter("n3", "d1"), Adapter("n1", "d1"), Adapter("n2", "d2"), Adapter("n9", "d0"), Adapter("n8", "d3"), Adapter("n7", "d9"))));
        await SyncAsync(other.Id, (Computers, Devices(Device("d1"))), (Adapters, AdapterBatch(Adapter("x1", "d1"))));
        var last = await SyncAsync(connector.Id, (Adapters, AdapterBatch(Adapter("n3", "d1"), Adapter("n2", "d2"))));
        await Store.Inventory.MarkUnseenDeletedAsync(connector.Id, EntityKind.NetworkAdapter, last.Id, Clock.GetUtcNow(), Ct);

        var devices = await ReadDevicesAsync();

        Assert.Equal(
            [("d1", new[] { "n3" }), ("d2", ["n2"]), ("d4", []), ("d1", ["x1"])],
            devices.Select(d => (d.Device.SysId, d.Adapters.Select(n => n.SysId).ToArray())));
        Assert.Equal(Adapter("n3", "d1"), devices[0].Adapters[0]);
    }

    [StoreFact]
    public async Task Devices_AreLinkedToLiveApplications_ByPrimaryReferenceAndRelationshipsEitherWay()
    {
        var connector = await AddConnectorAsync();
        var other = await AddConnectorAsync("other");
        await SyncAsync(other.Id, (Applications, ApplicationBatch(Application("foreign"))));
        await SyncAsync(
            connector.Id,
            (Computers, Devices(
                Device("d1", primaryApplication: "app1"),
                Device("d2", primaryApplication: "missing"),
                Device("d3", primaryApplication: "foreign"),
                Device("d4", primaryApplication: "app2"),
                Device("d5"))),
            (Applications, ApplicationBatch(Application("app1"), Application("app2"), Application("app3"), Application("gone"))),
            (Relations, RelationshipBatch(
                Relationship("r1", "d1", "app3"),
                Relationship("r2", "app2", "d1"),
                Relationship("r3", "d4", "app2"),
                Relationship("r4", "d5", "d1"),
                Relationship("r5", "d5", "gone"),
                Relationship("r6", "d5", "foreign"))));
        var last = await SyncAsync(connector.Id, (Applications, ApplicationBatch(Application("app1"), Application("app2"), Application("app3"))));
        await Store.Inventory.MarkUnseenDeletedAsync(connector.Id, EntityKind.BusinessApplication, last.Id, Clock.GetUtcNow(), Ct);

        var links = (await ReadDevicesAsync(new DeviceQuery(connector.Id))).ToDictionary(d => d.Device.SysId, d => d.ApplicationSysIds);

        Assert.Equal(["app1", "app2", "app3"], links["d1"]);
        Assert.Empty(links["d2"]);
        Assert.Empty(links["d3"]);
        Assert.Equal(["app2"], links["d4"]);
        Assert.Empty(links["d5"]);
    }

    [StoreFact]
    public async Task Devices_LoseTheLinkOfADeletedRelationship()
    {
        var connector = await AddConnectorAsync();
        await SyncAsync(
            connector.Id,
            (Computers, Devices(Device("d1"))),
            (Applications, ApplicationBatch(Application("app1"), Application("app2"))),
            (Relations, RelationshipBatch(Relationship("r1", "d1", "app1"), Relationship("r2", "app2", "d1"))));
        var last = await SyncAsync(connector.Id, (Relations, RelationshipBatch(Relationship("r2", "app2", "d1"))));

        Assert.Equal(1, await Store.Inventory.MarkUnseenDeletedAsync(connector.Id, EntityKind.Relationship, last.Id, Clock.GetUtcNow(), Ct));

        Assert.Equal(["app2"], (await ReadDevicesAsync()).Single().ApplicationSysIds);
        Assert.Equal(new InventoryCounts(1, 0, 2, 1, 0), await Store.Inventory.CountAsync(connector.Id, Ct));
    }

    [StoreFact]
    public async Task Devices_Deleted_AreLeftOut_UnlessAskedFor()
    {
        var connector = await AddConnectorAsync();
        await SyncAsync(connector.Id, (Computers, Devices(Device("d1", primaryApplication: "app1"), Device("d2"))), (Applications, ApplicationBatch(Application("app1"))));
        var last = await SyncAsync(connector.Id, (Computers, Devices(Device("d2"))));
        await Store.Inventory.MarkUnseenDeletedAsync(connector.Id, EntityKind.Device, last.Id, Clock.GetUtcNow(), Ct);

        var live = await ReadDevicesAsync();
        var all = await ReadDevicesAsync(new DeviceQuery(IncludeDeleted: true));

        Assert.Equal(["d2"], live.Select(d => d.Device.SysId));
        Assert.Equal([("d1", true), ("d2", false)], all.Select(d => (d.Device.SysId, d.DeletedAt is not null)));
        Assert.Equal(["app1"], all[0].ApplicationSysIds);
    }

    [StoreFact]
    public async Task Devices_WithOneSysIdInTwoSourceTables_ShareAdaptersAndLinks()
    {
        var connector = await AddConnectorAsync();
        await SyncAsync(
            connector.Id,
            ("cmdb_ci_server", Devices(Device("d1", "as server"), Device("d2"))),
            (Computers, Devices(Device("d1", "as computer", primaryApplication: "app1"))),
            (Adapters, AdapterBatch(Adapter("n1", "d1"), Adapter("n2", "d2"))),
            (Applications, ApplicationBatch(Application("app1"), Application("app2"))),
            (Relations, RelationshipBatch(Relationship("r1", "app2", "d1"))));

        var devices = await ReadDevicesAsync();

        Assert.Equal(
            [("d1", Computers), ("d1", "cmdb_ci_server"), ("d2", "cmdb_ci_server")],
            devices.Select(d => (d.Device.SysId, d.SourceTable)));
        Assert.All(devices.Take(2), d => Assert.Equal(["n1"], d.Adapters.Select(n => n.SysId)));
        Assert.All(devices.Take(2), d => Assert.Equal(["app1", "app2"], d.ApplicationSysIds));
        Assert.Equal(["n2"], devices[2].Adapters.Select(n => n.SysId));
        Assert.Empty(devices[2].ApplicationSysIds);
    }

    [StoreFact]
    public async Task Applications_AreReadLive_BySysId()
    {
        var connector = await AddConnectorAsync();
        var other = await AddConnectorAsync("other");
        await SyncAsync(connector.Id, (Applications, ApplicationBatch(Application("app1"), Application("app2"))));
        await SyncAsync(other.Id, (Applications, ApplicationBatch(Application("app9"))));
        var last = await SyncAsync(connector.Id, (Applications, ApplicationBatch(Application("app2", "APM-2"))));
        await Store.Inventory.MarkUnseenDeletedAsync(connector.Id, EntityKind.BusinessApplication, last.Id, Clock.GetUtcNow(), Ct);

        var applications = await Store.Inventory.ReadApplicationsAsync(connector.Id, Ct);

        Assert.Equal(["app2"], applications.Keys);
        Assert.Equal(Application("app2", "APM-2"), applications["app2"]);
    }

    [StoreFact]
    public async Task Counts_OfAnEmptyStore_AreZero()
    {
        Assert.Equal(new InventoryCounts(0, 0, 0, 0, 0), await Store.Inventory.CountAsync(null, Ct));
        Assert.Empty(await ReadDevicesAsync());
    }
}
