using AssetBridge.Core.Errors;
using AssetBridge.Core.Ingestion;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Storage;

namespace AssetBridge.Storage.Tests.Compliance;

public abstract partial class StoreCompliance
{
    [StoreFact]
    public async Task Chunk_IsApplied_UnderTheJobsConnectorScopeAndRun_AndCounted()
    {
        var connector = await AddConnectorAsync("prod-cmdb");
        var run = await StartRunAsync(connector.Id);
        await EnqueueAsync(run, "cmdb_ci_server");
        var lease = await ClaimAsync();
        var device = new Device
        {
            SysId = "d1", Name = "web-01", Os = "Linux", OsVersion = "9", OsServicePack = "sp1", CpuType = "x86", Category = "Hardware",
            AssetTag = "P100", Virtual = true, ServiceNowCriticality = "2 - somewhat critical", UsedFor = "Production",
            LastLoggedOnUser = "alice", MostFrequentUser = "bob", SysClassName = "cmdb_ci_linux_server",
            UPrimaryBusinessApplication = "app1", SysUpdatedOn = "2025-02-01 10:00:00",
        };

        Assert.Equal(ChunkApplyResult.Applied, await ApplyAsync(lease, 0, Devices(device, Device("d2"))));
        Assert.Equal(ChunkApplyResult.Applied, await ApplyAsync(lease, 1, Devices(Device("d3"))));

        var read = await ReadDevicesAsync();
        Assert.Equal(["d1", "d2", "d3"], read.Select(d => d.Device.SysId));
        Assert.Equal(device, read[0].Device);
        Assert.Equal((connector.Id, "prod-cmdb", "cmdb_ci_server", (DateTimeOffset?)null), (read[0].ConnectorId, read[0].ConnectorName, read[0].SourceTable, read[0].DeletedAt));
        Assert.Equal(3, (await Store.Jobs.ListByRunAsync(run.Id, Ct)).Single().RecordsApplied);
    }

    [StoreFact]
    public async Task Chunk_UploadedTwice_IsDuplicate_AndChangesNothing()
    {
        var run = await StartRunAsync((await AddConnectorAsync()).Id);
        await EnqueueAsync(run);
        var lease = await ClaimAsync();
        Assert.Equal(ChunkApplyResult.Applied, await ApplyAsync(lease, 0, Devices(Device("d1", "first"))));

        Assert.Equal(ChunkApplyResult.Duplicate, await ApplyAsync(lease, 0, Devices(Device("d1", "changed"), Device("d2"))));

        Assert.Equal(["first"], (await ReadDevicesAsync()).Select(d => d.Device.Name));
        Assert.Equal(1, (await Store.Jobs.ListByRunAsync(run.Id, Ct)).Single().RecordsApplied);
    }

    [StoreFact]
    public async Task Chunk_OfANewAttempt_IsAppliedAgain_WithoutDuplicatingRecords()
    {
        var run = await StartRunAsync((await AddConnectorAsync()).Id);
        await EnqueueAsync(run);
        var first = await ClaimAsync();
        Assert.Equal(ChunkApplyResult.Applied, await ApplyAsync(first, 0, Devices(Device("d1", "old"), Device("d2"))));
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var second = await ClaimAsync();

        Assert.Equal(0, (await Store.Jobs.ListByRunAsync(run.Id, Ct)).Single().RecordsApplied);
        Assert.Equal(ChunkApplyResult.Applied, await ApplyAsync(second, 0, Devices(Device("d1", "new"), Device("d2"))));

        Assert.Equal([("d1", "new"), ("d2", "host-d2")], (await ReadDevicesAsync()).Select(d => (d.Device.SysId, d.Device.Name)));
        Assert.Equal(2, (await Store.Jobs.ListByRunAsync(run.Id, Ct)).Single().RecordsApplied);
        Assert.Equal(2, (await Store.Inventory.CountAsync(null, Ct)).Devices);
    }

    [StoreFact]
    public async Task Chunk_WithTheWrongTokenOrAttemptOrForAnUnknownJob_IsLeaseLost()
    {
        var run = await StartRunAsync((await AddConnectorAsync()).Id);
        await EnqueueAsync(run);
        var lease = await ClaimAsync();
        var batch = Devices(Device("d1"));

        Assert.Equal(ChunkApplyResult.LeaseLost, await ApplyAsync(lease with { Token = Guid.NewGuid() }, 0, batch));
        Assert.Equal(ChunkApplyResult.LeaseLost, await ApplyAsync(lease with { Attempt = 2 }, 0, batch));
        Assert.Equal(ChunkApplyResult.LeaseLost, await Store.Inventory.ApplyChunkAsync(new ResultChunk(lease.JobId + 50, lease.Token, 1, 0, batch), Ct));
        Assert.Empty(await ReadDevicesAsync());
    }

    [StoreFact]
    public async Task Upsert_OfARecordSeenAgain_UpdatesItsFields_AndBringsItBack()
    {
        var connector = await AddConnectorAsync();
        var firstRun = await SyncAsync(connector.Id, (Computers, Devices(Device("d1", "old"), Device("d2"))));
        var secondRun = await SyncAsync(connector.Id, (Computers, Devices(Device("d2"))));
        Assert.Equal(1, await Store.Inventory.MarkUnseenDeletedAsync(connector.Id, EntityKind.Device, secondRun.Id, Clock.GetUtcNow(), Ct));
        Assert.NotNull((await ReadDevicesAsync(new DeviceQuery(IncludeDeleted: true)))[0].DeletedAt);

        var thirdRun = await SyncAsync(connector.Id, (Computers, Devices(Device("d1", "new") with { Virtual = false, Os = "Windows" })));

        var d1 = (await ReadDevicesAsync()).Single(d => d.Device.SysId == "d1");
        Assert.Null(d1.DeletedAt);
        Assert.Equal(("new", false, "Windows"), (d1.Device.Name, d1.Device.Virtual, d1.Device.Os));
        Assert.Equal(1, await Store.Inventory.MarkUnseenDeletedAsync(connector.Id, EntityKind.Device, thirdRun.Id, Clock.GetUtcNow(), Ct));
        Assert.NotEqual(firstRun.Id, thirdRun.Id);
    }

    [StoreFact]
    public async Task MarkUnseenDeleted_MarksOnlyWhatTheRunDidNotSee_OfThatConnectorAndKind()
    {
        var connector = await AddConnectorAsync("a");
        var other = await AddConnectorAsync("b");
        await SyncAsync(connector.Id, (Computers, Devices(Device("d1"), Device("d2"))), (Adapters, AdapterBatch(Adapter("n1", "d1"))));
        await SyncAsync(other.Id, (Computers, Devices(Device("d1"), Device("d2"))));
        var latest = await SyncAsync(connector.Id, (Computers, Devices(Device("d2"))));
        Clock.Advance(TimeSpan.FromMinutes(1));
        var deletedAt = Clock.GetUtcNow();

        Assert.Equal(1, await Store.Inventory.MarkUnseenDeletedAsync(connector.Id, EntityKind.Device, latest.Id, deletedAt, Ct));
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await Store.Inventory.MarkUnseenDeletedAsync(connector.Id, EntityKind.Device, latest.Id, Clock.GetUtcNow(), Ct));

        var all = await ReadDevicesAsync(new DeviceQuery(IncludeDeleted: true));
        Assert.Equal(
            [(connector.Id, "d1", (DateTimeOffset?)deletedAt), (connector.Id, "d2", null), (other.Id, "d1", null), (other.Id, "d2", null)],
            all.Select(d => (d.ConnectorId, d.Device.SysId, d.DeletedAt)));
        Assert.Equal(new InventoryCounts(3, 1, 0, 0, 1), await Store.Inventory.CountAsync(null, Ct));
        Assert.Equal(new InventoryCounts(1, 1, 0, 0, 1), await Store.Inventory.CountAsync(connector.Id, Ct));
    }

    [StoreFact]
    public async Task Chunks_OfEveryKind_LandInTheirOwnTables()
    {
        var connector = await AddConnectorAsync();
        await SyncAsync(
            connector.Id,
            (Computers, Devices(Device("d1"))),
            (Adapters, AdapterBatch(Adapter("n1", "d1"), Adapter("n2", "d1"))),
            (Applications, ApplicationBatch(Application("app1"), Application("app2"), Application("app3"))),
            (Relations, RelationshipBatch(Relationship("r1", "x", "y"))));

        Assert.Equal(new InventoryCounts(1, 2, 3, 1, 0), await Store.Inventory.CountAsync(connector.Id, Ct));
    }

    [StoreFact]
    public async Task Chunks_OfAThousandRecords_AreAllUpsertedThroughTheReusedStatement()
    {
        var connector = await AddConnectorAsync();
        var run = await StartRunAsync(connector.Id);
        await EnqueueAsync(run, Adapters, EntityKind.NetworkAdapter);
        var lease = await ClaimAsync();
        for (var seq = 0; seq < 5; seq++)
        {
            var adapters = Enumerable.Range(seq * 1000, 1000).Select(i => Adapter($"n{i:D6}", $"d{i % 10}")).ToArray();
            Assert.Equal(ChunkApplyResult.Applied, await ApplyAsync(lease, seq, AdapterBatch(adapters)));
        }

        Assert.True(await Store.Jobs.CompleteAsync(lease, new JobOutcome(5000, 5, null, null), Ct));
        Assert.Equal(5000, (await Store.Jobs.ListByRunAsync(run.Id, Ct)).Single().RecordsApplied);
        Assert.Equal(5000, (await Store.Inventory.CountAsync(connector.Id, Ct)).NetworkAdapters);
    }

    [StoreFact]
    public async Task Chunk_WithARecordMissingItsSysId_IsRefusedWhole_AndTheJobCanGoOn()
    {
        var run = await StartRunAsync((await AddConnectorAsync()).Id);
        await EnqueueAsync(run);
        var lease = await ClaimAsync();

        var error = await Assert.ThrowsAsync<AssetBridgeException>(() => ApplyAsync(lease, 0, Devices(Device("d1"), Device("d2") with { SysId = null! })));

        Assert.Equal(ErrorKind.BadResponse, error.Kind);
        Assert.Contains("sys_id", error.Message, StringComparison.Ordinal);
        Assert.Empty(await ReadDevicesAsync());
        Assert.Equal(0, (await Store.Jobs.ListByRunAsync(run.Id, Ct)).Single().RecordsApplied);
        Assert.Equal(ChunkApplyResult.Applied, await ApplyAsync(lease, 0, Devices(Device("d1"), Device("d2"))));
        Assert.Equal(2, (await Store.Inventory.CountAsync(null, Ct)).Devices);
    }

    [StoreFact]
    public async Task Chunks_SentAtOnce_EachGetTheirOwnOutcome_AndOnlyAppliedOnesLand()
    {
        var run = await StartRunAsync((await AddConnectorAsync()).Id);
        await EnqueueAsync(run);
        var lease = await ClaimAsync();
        Assert.Equal(ChunkApplyResult.Applied, await ApplyAsync(lease, 0, Devices(Device("d0"))));
        var stale = lease with { Token = Guid.NewGuid() };

        // Sent together, these may share one commit; each must still be judged on its own.
        var outcomes = await Task.WhenAll(
            ApplyAsync(lease, 0, Devices(Device("dup"))),
            ApplyAsync(lease, 1, Devices(Device("d1"), Device("d2"))),
            ApplyAsync(stale, 2, Devices(Device("lost"))),
            ApplyAsync(lease, 3, Devices(Device("d3"))));
        var refused = await Assert.ThrowsAsync<AssetBridgeException>(() => Task.WhenAll(
            ApplyAsync(lease, 4, Devices(Device("d4"))),
            ApplyAsync(lease, 5, Devices(Device("bad"), Device("x") with { SysId = null! }))));

        Assert.Equal([ChunkApplyResult.Duplicate, ChunkApplyResult.Applied, ChunkApplyResult.LeaseLost, ChunkApplyResult.Applied], outcomes);
        Assert.Equal(ErrorKind.BadResponse, refused.Kind);
        Assert.Equal(["d0", "d1", "d2", "d3", "d4"], (await ReadDevicesAsync()).Select(d => d.Device.SysId));
        Assert.Equal(5, (await Store.Jobs.ListByRunAsync(run.Id, Ct)).Single().RecordsApplied);
    }
}
