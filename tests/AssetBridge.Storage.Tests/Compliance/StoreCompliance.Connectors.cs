using AssetBridge.Core.Connectors;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Ingestion;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Storage;

namespace AssetBridge.Storage.Tests.Compliance;

public abstract partial class StoreCompliance
{
    [StoreFact]
    public async Task Connector_IsFound_ByNameAndByDigitsAsId()
    {
        var added = await AddConnectorAsync("prod-cmdb");

        var byName = await Store.Connectors.FindAsync("prod-cmdb", Ct);
        var byId = await Store.Connectors.FindAsync(added.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct);

        Assert.Equal(added, byName);
        Assert.Equal(added, byId);
        Assert.Equal(added, await Store.Connectors.GetAsync(added.Id, Ct));
        Assert.Equal(Clock.GetUtcNow(), added.CreatedAt);
        Assert.Null(await Store.Connectors.FindAsync("other", Ct));
        Assert.Null(await Store.Connectors.FindAsync("999", Ct));
        Assert.Null(await Store.Connectors.GetAsync(999, Ct));
    }

    [StoreFact]
    public async Task Connector_NamedWithDigits_IsFoundByItsName()
    {
        var first = await AddConnectorAsync("first");
        var digits = await AddConnectorAsync(first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "0");

        Assert.Equal(digits, await Store.Connectors.FindAsync(digits.Name, Ct));
    }

    [StoreFact]
    public async Task Connector_WithNameInUse_IsConflictNamingIt()
    {
        var credential = await AddCredentialAsync();
        await AddConnectorAsync("prod-cmdb", credential);

        var error = await Assert.ThrowsAsync<AssetBridgeException>(() => AddConnectorAsync("prod-cmdb", credential));

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Contains("'prod-cmdb'", error.Message, StringComparison.Ordinal);
        Assert.Single(await Store.Connectors.ListAsync(Ct));
    }

    [StoreFact]
    public async Task Connectors_AreListedInIdOrder()
    {
        var b = await AddConnectorAsync("b");
        var a = await AddConnectorAsync("a");

        Assert.Equal([b.Id, a.Id], (await Store.Connectors.ListAsync(Ct)).Select(c => c.Id));
    }

    [StoreFact]
    public async Task Credential_IsSealedUnderTheIdItIsStoredWith()
    {
        long sealedFor = 0;
        var stored = await Store.Credentials.InsertAsync(
            "snow", "basic", """{"username":"u"}""", "key-1", id => { sealedFor = id; return [9, 8, 7, (byte)id]; }, Clock.GetUtcNow(), Ct);

        Assert.Equal(stored.Id, sealedFor);
        var read = await Store.Credentials.GetAsync(stored.Id, Ct);
        Assert.NotNull(read);
        Assert.Equal(new byte[] { 9, 8, 7, (byte)stored.Id }, read.Envelope);
        Assert.Equal(("snow", "basic", """{"username":"u"}""", "key-1", Clock.GetUtcNow()), (read.Name, read.Type, read.AttributesJson, read.KeyId, read.CreatedAt));
        Assert.Equal(stored.Id, (await Store.Credentials.FindByNameAsync("snow", Ct))?.Id);
        Assert.Null(await Store.Credentials.FindByNameAsync("other", Ct));
    }

    [StoreFact]
    public async Task Credential_WithNameInUse_IsConflict_AndIsNotSealed()
    {
        await AddCredentialAsync("snow");
        var sealCalled = false;

        var error = await Assert.ThrowsAsync<AssetBridgeException>(() => Store.Credentials.InsertAsync(
            "snow", "basic", "{}", "key-1", _ => { sealCalled = true; return [1]; }, Clock.GetUtcNow(), Ct));

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Contains("'snow'", error.Message, StringComparison.Ordinal);
        Assert.False(sealCalled);
    }

    [StoreFact]
    public async Task Credential_WhoseSealFails_IsNotStored()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.Credentials.InsertAsync(
            "snow", "basic", "{}", "key-1", _ => throw new InvalidOperationException("no key"), Clock.GetUtcNow(), Ct));

        Assert.Empty(await Store.Credentials.ListAsync(Ct));
        await AddCredentialAsync("snow");
    }

    [StoreFact]
    public async Task Credential_InUse_IsReported_AndCannotBeDeleted()
    {
        var used = await AddCredentialAsync("used");
        var spare = await AddCredentialAsync("spare");
        await AddConnectorAsync("prod-cmdb", used);

        Assert.True(await Store.Connectors.IsCredentialInUseAsync(used, Ct));
        Assert.False(await Store.Connectors.IsCredentialInUseAsync(spare, Ct));
        var error = await Assert.ThrowsAsync<AssetBridgeException>(() => Store.Credentials.DeleteAsync(used, Ct));
        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.True(await Store.Credentials.DeleteAsync(spare, Ct));
        Assert.False(await Store.Credentials.DeleteAsync(spare, Ct));
        Assert.Equal(["used"], (await Store.Credentials.ListAsync(Ct)).Select(c => c.Name));
    }

    [StoreFact]
    public async Task Watermarks_AreUpsertedPerScope()
    {
        var connector = await AddConnectorAsync();
        Assert.Empty(await Store.Connectors.GetWatermarksAsync(connector.Id, Ct));

        await Store.Connectors.SetWatermarkAsync(connector.Id, Computers, new Watermark("2025-01-01 00:00:00", "a"), Ct);
        await Store.Connectors.SetWatermarkAsync(connector.Id, Adapters, new Watermark("2025-01-02 00:00:00", "b"), Ct);
        await Store.Connectors.SetWatermarkAsync(connector.Id, Computers, new Watermark("2025-02-01 00:00:00", "c"), Ct);

        var marks = await Store.Connectors.GetWatermarksAsync(connector.Id, Ct);
        Assert.Equal(2, marks.Count);
        Assert.Equal(new Watermark("2025-02-01 00:00:00", "c"), marks[Computers]);
        Assert.Equal(new Watermark("2025-01-02 00:00:00", "b"), marks[Adapters]);
    }

    [StoreFact]
    public async Task Connector_Removal_TakesItsInventoryRunsJobsAndWatermarks_AndLeavesOthers()
    {
        var doomed = await AddConnectorAsync("doomed");
        var kept = await AddConnectorAsync("kept");
        foreach (var connector in new[] { doomed, kept })
        {
            await SyncAsync(
                connector.Id,
                (Computers, Devices(Device("d1", primaryApplication: "app1"))),
                (Adapters, AdapterBatch(Adapter("n1", "d1"))),
                (Applications, ApplicationBatch(Application("app1"))),
                (Relations, RelationshipBatch(Relationship("r1", "d1", "app1"))),
                (VmInstanceTable, new VmInstanceBatch([VmInstance("vm1")])),
                (Scope(SubscriptionA), new CloudVmBatch([CloudVm(SubscriptionA, "vm1")])));
            await Store.Connectors.SetWatermarkAsync(connector.Id, Computers, new Watermark("2025-01-01 00:00:00", "d1"), Ct);
        }

        var doomedRun = (await Store.Runs.ListAsync(doomed.Id, 10, Ct)).Single();

        Assert.True(await Store.Connectors.RemoveAsync(doomed.Id, Ct));

        Assert.False(await Store.Connectors.RemoveAsync(doomed.Id, Ct));
        Assert.Null(await Store.Connectors.GetAsync(doomed.Id, Ct));
        Assert.Null(await Store.Runs.GetAsync(doomedRun.Id, Ct));
        Assert.Empty(await Store.Jobs.ListByRunAsync(doomedRun.Id, Ct));
        Assert.Empty(await Store.Connectors.GetWatermarksAsync(doomed.Id, Ct));
        Assert.Equal(new InventoryCounts(0, 0, 0, 0, 0), await Store.Inventory.CountAsync(doomed.Id, Ct));
        Assert.Equal(new InventoryCounts(1, 1, 1, 1, 0) { VmInstances = 1, CloudVms = 1 }, await Store.Inventory.CountAsync(null, Ct));
        Assert.Single(await Store.Connectors.GetWatermarksAsync(kept.Id, Ct));
        Assert.Equal(kept.Id, (await ReadDevicesAsync()).Single().ConnectorId);
    }

    [StoreFact]
    public async Task Store_ReopenedOnTheSameDatabase_KeepsItsData()
    {
        var connector = await AddConnectorAsync();
        await SyncAsync(connector.Id, (Computers, Devices(Device("d1"))));
        await Store.MigrateAsync(Ct);

        await ReopenAsync();

        Assert.Equal(connector, await Store.Connectors.FindAsync(connector.Name, Ct));
        Assert.Single(await Store.Runs.ListAsync(connector.Id, 10, Ct));
        Assert.Equal("d1", (await ReadDevicesAsync()).Single().Device.SysId);
        await Store.MigrateAsync(Ct);
        Assert.Equal(connector, (await Store.Connectors.ListAsync(Ct)).Single());
        Assert.IsType<Connector>(await AddConnectorAsync("second"));
    }
}
