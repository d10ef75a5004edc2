using System.Data.Common;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Ingestion;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Runs;
using AssetBridge.Core.Storage;

namespace AssetBridge.Storage.Tests.Compliance;

/// <summary>
/// Every behaviour of <see cref="IStore"/>, written once. Each store (SQLite, later PostgreSQL) runs it
/// by subclassing and saying how to open a fresh, empty database. Nothing here may depend on a dialect.
/// </summary>
public abstract partial class StoreCompliance : IAsyncLifetime
{
    protected static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    protected const string Computers = "cmdb_ci_computer";
    protected const string Adapters = "cmdb_ci_network_adapter";
    protected const string Applications = "cmdb_ci_business_app";
    protected const string Relations = "cmdb_rel_ci";

    protected static readonly OperationKey ListDevices = new("servicenow", "cmdb", "1.0", "ListDevices");

    protected ManualClock Clock { get; } = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    protected IStore Store { get; private set; } = null!;

    protected CancellationToken Ct => CancellationToken.None;

    /// <summary>Opens a store on a fresh, empty database owned by this test.</summary>
    protected abstract Task<IStore> CreateStoreAsync(ManualClock clock);

    /// <summary>Opens a second store on the database <see cref="CreateStoreAsync"/> created (the first is already disposed).</summary>
    protected abstract Task<IStore> ReopenStoreAsync(ManualClock clock);

    /// <summary>
    /// Replaces the test's database (its store already disposed) with a fresh one migrated only up to
    /// <paramref name="version"/>, and returns an open connection to it for writing rows as that schema
    /// had them. <see cref="ReopenStoreAsync"/> then opens it, applying the later migrations.
    /// </summary>
    protected abstract Task<DbConnection> RecreateAtSchemaVersionAsync(int version);

    /// <summary>Drops what <see cref="CreateStoreAsync"/> created, after the store is disposed.</summary>
    protected virtual Task DeleteDatabaseAsync() => Task.CompletedTask;

    public async Task InitializeAsync() => Store = await CreateStoreAsync(Clock);

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        await DeleteDatabaseAsync();
    }

    protected async Task ReopenAsync()
    {
        await Store.DisposeAsync();
        Store = await ReopenStoreAsync(Clock);
    }

    protected async Task<long> AddCredentialAsync(string name = "snow-reader") =>
        (await Store.Credentials.InsertAsync(name, "basic", """{"username":"reader"}""", "key-1", id => [1, 2, (byte)id], Clock.GetUtcNow(), Ct)).Id;

    protected async Task<Connector> AddConnectorAsync(string name = "prod-cmdb", long? credentialId = null)
    {
        var credential = credentialId ?? await AddCredentialAsync("cred-for-" + name);
        return await Store.Connectors.AddAsync(
            new NewConnector(name, "servicenow", "https://example.service-now.com", credential, "{}"), Clock.GetUtcNow(), Ct);
    }

    protected Task<SyncRun> StartRunAsync(long connectorId, SyncMode mode = SyncMode.Full) =>
        Store.Runs.CreateAsync(connectorId, mode, Clock.GetUtcNow(), Ct);

    protected async Task<long> EnqueueAsync(SyncRun run, string scope = Computers, EntityKind kind = EntityKind.Device) =>
        (await Store.Jobs.EnqueueAsync([NewJobFor(run, scope, kind)], Ct))[0];

    protected static NewJob NewJobFor(SyncRun run, string scope = Computers, EntityKind kind = EntityKind.Device) =>
        new(run.Id, run.ConnectorId, ListDevices, scope, 7, """{"table":"x"}""", "example.service-now.com", kind);

    /// <summary>Jobs of one run over distinct scopes (a run holds one job per scope).</summary>
    protected static List<NewJob> JobsFor(SyncRun run, int count) =>
        Enumerable.Range(1, count).Select(i => NewJobFor(run, $"{Computers}_{i}")).ToList();

    protected async Task<JobLease> ClaimAsync(string agent = "agent-1")
    {
        var lease = await Store.Jobs.TryClaimAsync(new AgentClaim(agent, Lease), Ct);
        Assert.NotNull(lease);
        return lease;
    }

    protected Task<ChunkApplyResult> ApplyAsync(JobLease lease, int seq, InventoryBatch batch) =>
        Store.Inventory.ApplyChunkAsync(new ResultChunk(lease.JobId, lease.Token, lease.Attempt, seq, batch), Ct);

    /// <summary>Runs one job of <paramref name="run"/> over <paramref name="scope"/> that uploads <paramref name="batch"/>, to completion.</summary>
    protected async Task IngestAsync(SyncRun run, string scope, InventoryBatch batch)
    {
        var jobId = await EnqueueAsync(run, scope, batch.Kind);
        var lease = await ClaimAsync();
        Assert.Equal(jobId, lease.JobId);
        Assert.Equal(ChunkApplyResult.Applied, await ApplyAsync(lease, 0, batch));
        Assert.True(await Store.Jobs.CompleteAsync(lease, new JobOutcome(batch.Count, 1, null, null), Ct));
    }

    /// <summary>A run that ingests the batches, each as its own job, and is then finished.</summary>
    protected async Task<SyncRun> SyncAsync(long connectorId, params (string Scope, InventoryBatch Batch)[] batches)
    {
        var run = await StartRunAsync(connectorId);
        foreach (var (scope, batch) in batches)
        {
            await IngestAsync(run, scope, batch);
        }

        Assert.True(await Store.Runs.FinishAsync(run.Id, RunState.Completed, RunCounts.Zero, null, Clock.GetUtcNow(), Ct));
        return run;
    }

    protected async Task<List<StoredDevice>> ReadDevicesAsync(DeviceQuery? query = null)
    {
        var devices = new List<StoredDevice>();
        await foreach (var device in Store.Inventory.ReadDevicesAsync(query ?? new DeviceQuery(), Ct))
        {
            devices.Add(device);
        }

        return devices;
    }

    protected static DeviceBatch Devices(params Device[] devices) => new(devices);

    protected static Device Device(string sysId, string? name = null, string? primaryApplication = null) =>
        new() { SysId = sysId, Name = name ?? "host-" + sysId, UPrimaryBusinessApplication = primaryApplication };

    protected static NetworkAdapterBatch AdapterBatch(params NetworkAdapter[] adapters) => new(adapters);

    protected static NetworkAdapter Adapter(string sysId, string deviceSysId) =>
        new() { SysId = sysId, DeviceSysId = deviceSysId, Name = "eth-" + sysId, IpAddress = "10.0.0.1" };

    protected static BusinessApplicationBatch ApplicationBatch(params BusinessApplication[] applications) => new(applications);

    protected static BusinessApplication Application(string sysId, string? number = null) =>
        new() { SysId = sysId, Number = number ?? "APM-" + sysId, Name = "app " + sysId, BusinessCriticality = "1 - most critical" };

    protected static RelationshipBatch RelationshipBatch(params CiRelationship[] relationships) => new(relationships);

    protected static CiRelationship Relationship(string sysId, string parent, string child) =>
        new() { SysId = sysId, Parent = parent, Child = child, Type = "runs-on" };
}
