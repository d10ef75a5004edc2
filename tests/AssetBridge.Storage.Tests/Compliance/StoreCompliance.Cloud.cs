using AssetBridge.Core.Ingestion;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Storage;

namespace AssetBridge.Storage.Tests.Compliance;

public abstract partial class StoreCompliance
{
    protected const string VmInstanceTable = "cmdb_ci_vm_instance";
    protected const string SubscriptionA = "11111111-1111-1111-1111-111111111111";
    protected const string SubscriptionB = "22222222-2222-2222-2222-222222222222";

    [StoreFact]
    public async Task CloudVms_RoundTripEveryField_ListsAndTagsInTheirOrder_AndNulls()
    {
        var connector = await AddConnectorAsync("azure-prod");
        var full = CloudVm(SubscriptionA, "web-01") with
        {
            VmId = "0f8fad5b-d9cb-469f-a165-70867728950e",
            ComputerName = "WEB-01.contoso.local",
            Location = "westeurope",
            Size = "Standard_D2s_v5",
            OsType = "Linux",
            Image = "Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest",
            PowerState = "running",
            MacAddresses = ["00:0d:3a:1b:c7:21", "00:0d:3a:1b:c7:20"],
            PrivateIps = ["10.1.0.5", "10.1.1.5"],
            PublicIps = ["20.50.1.2"],
            Tags = new Dictionary<string, string> { ["zeta"] = "last \"quoted\"", ["Env"] = "prod", ["owner"] = "équipe réseau", ["empty"] = string.Empty },
        };
        var bare = new CloudVm { ResourceId = ResourceId(SubscriptionA, "rg-app", "bare"), SubscriptionId = SubscriptionA };

        await SyncAsync(connector.Id, (Scope(SubscriptionA), new CloudVmBatch([full, bare])));

        var read = await ReadCloudVmsAsync();
        Assert.Equal([bare.ResourceId, full.ResourceId], read.Select(v => v.Vm.ResourceId));
        Assert.All(read, v => Assert.Equal((connector.Id, "azure-prod", (DateTimeOffset?)null), (v.ConnectorId, v.ConnectorName, v.DeletedAt)));
        AssertSameVm(bare, read[0].Vm);
        AssertSameVm(full, read[1].Vm);
        Assert.Equal(["zeta", "Env", "owner", "empty"], read[1].Vm.Tags.Keys);
        Assert.Equal(new InventoryCounts(0, 0, 0, 0, 0) { CloudVms = 2 }, await Store.Inventory.CountAsync(connector.Id, Ct));
    }

    [StoreFact]
    public async Task CloudVms_AreReadLive_InConnectorAndResourceIdOrder_OneConnectorOrAll()
    {
        var b = await AddConnectorAsync("b");
        var a = await AddConnectorAsync("a");
        await SyncAsync(a.Id, (Scope(SubscriptionB), new CloudVmBatch([CloudVm(SubscriptionB, "vm-2"), CloudVm(SubscriptionB, "vm-10")])));
        await SyncAsync(b.Id, (Scope(SubscriptionA), new CloudVmBatch([CloudVm(SubscriptionA, "vm-1"), CloudVm(SubscriptionA, "gone")])));
        var last = await SyncAsync(b.Id, (Scope(SubscriptionA), new CloudVmBatch([CloudVm(SubscriptionA, "vm-1")])));
        Assert.Equal(1, await Store.Inventory.MarkUnseenDeletedAsync(b.Id, EntityKind.CloudVm, last.Id, Clock.GetUtcNow(), Ct));

        var all = await ReadCloudVmsAsync();
        var onlyA = await ReadCloudVmsAsync(a.Id);

        Assert.Equal(
            [(b.Id, "b", "vm-1"), (a.Id, "a", "vm-10"), (a.Id, "a", "vm-2")],
            all.Select(v => (v.ConnectorId, v.ConnectorName, v.Vm.Name)));
        Assert.Equal(["vm-10", "vm-2"], onlyA.Select(v => v.Vm.Name));
        Assert.Equal(1, (await Store.Inventory.CountAsync(b.Id, Ct)).CloudVms);
    }

    [StoreFact]
    public async Task MarkUnseenDeletedInScope_MarksOnlyThatScopesUnseenRecords_AndLeavesOtherSubscriptions()
    {
        var connector = await AddConnectorAsync("azure");
        var other = await AddConnectorAsync("other");
        await SyncAsync(
            connector.Id,
            (Scope(SubscriptionA), new CloudVmBatch([CloudVm(SubscriptionA, "a1"), CloudVm(SubscriptionA, "a2")])),
            (Scope(SubscriptionB), new CloudVmBatch([CloudVm(SubscriptionB, "b1")])));
        await SyncAsync(other.Id, (Scope(SubscriptionA), new CloudVmBatch([CloudVm(SubscriptionA, "a1")])));

        // The second run lists subscription A completely (a2 is gone) and fails on B: only A's scope is settled.
        var run = await StartRunAsync(connector.Id);
        await IngestAsync(run, Scope(SubscriptionA), new CloudVmBatch([CloudVm(SubscriptionA, "a1")]));
        var deletedAt = Clock.GetUtcNow();

        Assert.Equal(1, await Store.Inventory.MarkUnseenDeletedInScopeAsync(connector.Id, EntityKind.CloudVm, run.Id, Scope(SubscriptionA), deletedAt, Ct));
        Assert.Equal(0, await Store.Inventory.MarkUnseenDeletedInScopeAsync(connector.Id, EntityKind.CloudVm, run.Id, Scope(SubscriptionA), deletedAt.AddMinutes(1), Ct));

        Assert.Equal(
            [(connector.Id, "a1"), (connector.Id, "b1"), (other.Id, "a1")],
            (await ReadCloudVmsAsync()).Select(v => (v.ConnectorId, v.Vm.Name)));
    }

    [StoreFact]
    public async Task MarkUnseenDeletedInScope_TakesThePrefixLiterally_NoWildcardsAndCaseSensitive()
    {
        var connector = await AddConnectorAsync();
        await SyncAsync(connector.Id, (VmInstanceTable, new VmInstanceBatch(
        [
            VmInstance("a_b/1"),
            VmInstance("axb/1"),
            VmInstance("a%b/1"),
            VmInstance("a%c/1"),
            VmInstance("A_B/1"),
            VmInstance("a_b"),
            VmInstance("\U0001F600_b/1"),
        ])));
        var run = await StartRunAsync(connector.Id);

        Assert.Equal(1, await Store.Inventory.MarkUnseenDeletedInScopeAsync(connector.Id, EntityKind.VmInstance, run.Id, "a_b/", Clock.GetUtcNow(), Ct));
        Assert.Equal(1, await Store.Inventory.MarkUnseenDeletedInScopeAsync(connector.Id, EntityKind.VmInstance, run.Id, "a%b", Clock.GetUtcNow(), Ct));
        Assert.Equal(1, await Store.Inventory.MarkUnseenDeletedInScopeAsync(connector.Id, EntityKind.VmInstance, run.Id, "\U0001F600_", Clock.GetUtcNow(), Ct));
        Assert.Equal(0, await Store.Inventory.MarkUnseenDeletedInScopeAsync(connector.Id, EntityKind.VmInstance, run.Id, "a_b/1/", Clock.GetUtcNow(), Ct));

        Assert.Equal(["A_B/1", "a%c/1", "a_b", "axb/1"], (await ReadUnlinkedVmInstancesAsync()).Select(v => v.Instance.SysId));
        Assert.Equal(4, (await Store.Inventory.CountAsync(connector.Id, Ct)).VmInstances);
    }

    [StoreFact]
    public async Task VmInstances_RoundTrip_AndAreMarkedDeletedWhenUnseen()
    {
        var connector = await AddConnectorAsync();
        var instance = new VmInstance
        {
            SysId = "vm1",
            Name = "web-01",
            ObjectId = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/RG/providers/Microsoft.Compute/virtualMachines/web-01",
            VmInstId = "0F8FAD5B-D9CB-469F-A165-70867728950E",
            State = "On",
            SysUpdatedOn = "2025-02-01 10:00:00",
        };
        await SyncAsync(connector.Id, (VmInstanceTable, new VmInstanceBatch([instance, new VmInstance { SysId = "vm2" }])));
        var last = await SyncAsync(connector.Id, (VmInstanceTable, new VmInstanceBatch([instance])));

        Assert.Equal(1, await Store.Inventory.MarkUnseenDeletedAsync(connector.Id, EntityKind.VmInstance, last.Id, Clock.GetUtcNow(), Ct));

        var read = (await ReadUnlinkedVmInstancesAsync()).Single();
        Assert.Equal((connector.Id, connector.Name, instance, (DateTimeOffset?)null), (read.ConnectorId, read.ConnectorName, read.Instance, read.DeletedAt));
        Assert.Equal(new InventoryCounts(0, 0, 0, 0, 0) { VmInstances = 1 }, await Store.Inventory.CountAsync(null, Ct));
    }

    [StoreFact]
    public async Task Devices_CarryTheirLiveVmInstances_LinkedEitherWay_OfTheirOwnConnector()
    {
        var connector = await AddConnectorAsync();
        var other = await AddConnectorAsync("other");
        await SyncAsync(other.Id, (VmInstanceTable, new VmInstanceBatch([VmInstance("foreign")])));
        await SyncAsync(
            connector.Id,
            (Computers, Devices(Device("d1"), Device("d2"), Device("d3"))),
            (VmInstanceTable, new VmInstanceBatch([VmInstance("vm3"), VmInstance("vm1"), VmInstance("vm2"), VmInstance("gone"), VmInstance("unlinked")])),
            (Relations, RelationshipBatch(
                Relationship("r1", "d1", "vm3"),
                Relationship("r2", "vm1", "d1"),
                Relationship("r3", "d1", "vm1"),
                Relationship("r4", "vm2", "d2"),
                Relationship("r5", "d2", "gone"),
                Relationship("r6", "d3", "foreign"),
                Relationship("r7", "d3", "vm2"))));
        var last = await SyncAsync(
            connector.Id,
            (VmInstanceTable, new VmInstanceBatch([VmInstance("vm3"), VmInstance("vm1"), VmInstance("vm2"), VmInstance("unlinked")])),
            (Relations, RelationshipBatch(
                Relationship("r1", "d1", "vm3"),
                Relationship("r2", "vm1", "d1"),
                Relationship("r3", "d1", "vm1"),
                Relationship("r4", "vm2", "d2"),
                Relationship("r5", "d2", "gone"),
                Relationship("r6", "d3", "foreign"))));
        await Store.Inventory.MarkUnseenDeletedAsync(connector.Id, EntityKind.VmInstance, last.Id, Clock.GetUtcNow(), Ct);
        await Store.Inventory.MarkUnseenDeletedAsync(connector.Id, EntityKind.Relationship, last.Id, Clock.GetUtcNow(), Ct);

        var devices = await ReadDevicesAsync(new DeviceQuery(connector.Id));

        Assert.Equal(
            [("d1", new[] { "vm1", "vm3" }), ("d2", ["vm2"]), ("d3", [])],
            devices.Select(d => (d.Device.SysId, d.VmInstances.Select(v => v.SysId).ToArray())));
        Assert.Equal(VmInstance("vm1"), devices[0].VmInstances[0]);
        Assert.Empty(devices[0].ApplicationSysIds);
    }

    [StoreFact]
    public async Task Devices_WithoutAnyVmInstanceInTheStore_CarryNone()
    {
        var connector = await AddConnectorAsync();
        await SyncAsync(connector.Id, (Computers, Devices(Device("d1"))), (Relations, RelationshipBatch(Relationship("r1", "d1", "vm1"))));

        Assert.Empty((await ReadDevicesAsync()).Single().VmInstances);
    }

    [StoreFact]
    public async Task UnlinkedVmInstances_AreThoseNoLiveDeviceOfTheirConnectorLinksToByALiveRelationship()
    {
        var connector = await AddConnectorAsync("b-cmdb");
        var other = await AddConnectorAsync("a-cmdb");
        await SyncAsync(other.Id, (Computers, Devices(Device("d-other"))), (VmInstanceTable, new VmInstanceBatch([VmInstance("vm9")])));
        await SyncAsync(
            connector.Id,
            (Computers, Devices(Device("d1"), Device("d2"), Device("old"))),
            (Applications, ApplicationBatch(Application("app1"))),
            (VmInstanceTable, new VmInstanceBatch(
            [
                VmInstance("vm-parent"), VmInstance("vm-child"), VmInstance("vm-app"), VmInstance("vm-old-device"),
                VmInstance("vm-old-link"), VmInstance("vm-foreign-device"), VmInstance("vm-none"), VmInstance("vm-gone"),
            ])),
            (Relations, RelationshipBatch(
                Relationship("r1", "d1", "vm-parent"),
                Relationship("r2", "vm-child", "d2"),
                Relationship("r3", "app1", "vm-app"),
                Relationship("r4", "old", "vm-old-device"),
                Relationship("r5", "d1", "vm-old-link"),
                Relationship("r6", "d-other", "vm-foreign-device"))));
        var last = await SyncAsync(
            connector.Id,
            (Computers, Devices(Device("d1"), Device("d2"))),
            (VmInstanceTable, new VmInstanceBatch(
            [
                VmInstance("vm-parent"), VmInstance("vm-child"), VmInstance("vm-app"), VmInstance("vm-old-device"),
                VmInstance("vm-old-link"), VmInstance("vm-foreign-device"), VmInstance("vm-none"),
            ])),
            (Relations, RelationshipBatch(
                Relationship("r1", "d1", "vm-parent"),
                Relationship("r2", "vm-child", "d2"),
                Relationship("r3", "app1", "vm-app"),
                Relationship("r4", "old", "vm-old-device"),
                Relationship("r6", "d-other", "vm-foreign-device"))));
        foreach (var kind in new[] { EntityKind.Device, EntityKind.VmInstance, EntityKind.Relationship })
        {
            await Store.Inventory.MarkUnseenDeletedAsync(connector.Id, kind, last.Id, Clock.GetUtcNow(), Ct);
        }

        var all = await ReadUnlinkedVmInstancesAsync();
        var ofConnector = await ReadUnlinkedVmInstancesAsync(connector.Id);

        string[] expected = ["vm-app", "vm-foreign-device", "vm-none", "vm-old-device", "vm-old-link"];
        Assert.Equal(
            [.. expected.Select(e => (connector.Id, "b-cmdb", e)), (other.Id, "a-cmdb", "vm9")],
            all.Select(v => (v.ConnectorId, v.ConnectorName, v.Instance.SysId)));
        Assert.Equal(expected, ofConnector.Select(v => v.Instance.SysId));
        Assert.All(all, v => Assert.Null(v.DeletedAt));
    }

    protected async Task<List<StoredCloudVm>> ReadCloudVmsAsync(long? connectorId = null)
    {
        var vms = new List<StoredCloudVm>();
        await foreach (var vm in Store.Inventory.ReadCloudVmsAsync(connectorId, Ct))
        {
            vms.Add(vm);
        }

        return vms;
    }

    protected async Task<List<StoredVmInstance>> ReadUnlinkedVmInstancesAsync(long? connectorId = null)
    {
        var instances = new List<StoredVmInstance>();
        await foreach (var instance in Store.Inventory.ReadUnlinkedVmInstancesAsync(connectorId, Ct))
        {
            instances.Add(instance);
        }

        return instances;
    }

    /// <summary>The deletion scope of one subscription: its resource id prefix.</summary>
    protected static string Scope(string subscription) => $"/subscriptions/{subscription}/";

    protected static string ResourceId(string subscription, string group, string name) =>
        $"/subscriptions/{subscription}/resourcegroups/{group}/providers/microsoft.compute/virtualmachines/{name}";

    protected static CloudVm CloudVm(string subscription, string name) =>
        new() { ResourceId = ResourceId(subscription, "rg-app", name), SubscriptionId = subscription, Name = name, ResourceGroup = "rg-app" };

    protected static VmInstance VmInstance(string sysId) =>
        new() { SysId = sysId, Name = "vm " + sysId, ObjectId = "/subscriptions/x/" + sysId, State = "On" };

    /// <summary>Records compare lists by reference; these compare them by content, in order.</summary>
    private static void AssertSameVm(CloudVm expected, CloudVm actual)
    {
        Assert.Equal(
            expected with { MacAddresses = NoItems, PrivateIps = NoItems, PublicIps = NoItems, Tags = NoTags },
            actual with { MacAddresses = NoItems, PrivateIps = NoItems, PublicIps = NoItems, Tags = NoTags });
        Assert.Equal(expected.MacAddresses, actual.MacAddresses);
        Assert.Equal(expected.PrivateIps, actual.PrivateIps);
        Assert.Equal(expected.PublicIps, actual.PublicIps);
        Assert.Equal(expected.Tags.ToList(), actual.Tags.ToList());
    }

    private static readonly IReadOnlyList<string> NoItems = [];

    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>();
}
