using AssetBridge.Agent.Credentials;
using AssetBridge.Agent.Execution;
using AssetBridge.Agent.Runtime;
using AssetBridge.Agent.Transport;
using AssetBridge.Core.Application;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Operations;
using AssetBridge.Core.Runs;
using AssetBridge.Storage.Sqlite;
using AssetBridge.Storage.Vault;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssetBridge.Agent.Tests;

/// <summary>A real SQLite store and vault in a temp directory, a connector, and an embedded agent over them.</summary>
internal sealed class AgentHarness : IAsyncDisposable
{
    private readonly string _directory;
    private readonly MasterKey _key = MasterKey.Generate();

    private AgentHarness(string directory, SqliteStore store, ManualClock clock)
    {
        _directory = directory;
        Store = store;
        Clock = clock;
        Vault = new CredentialVault(store, _key, clock);
        Finalizer = new RunFinalizer(store, clock);
    }

    public SqliteStore Store { get; }

    public ManualClock Clock { get; }

    public CredentialVault Vault { get; }

    public RunFinalizer Finalizer { get; }

    public ScriptedOperation Operation { get; } = new();

    public long ConnectorId { get; private set; }

    public long CredentialId { get; private set; }

    public static async Task<AgentHarness> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "assetbridge-agent-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var store = await SqliteStore.OpenAsync(Path.Combine(directory, "a.db"), clock);
        var harness = new AgentHarness(directory, store, clock);
        var credential = await harness.Vault.AddAsync(
            "cred",
            CredentialTypes.ServiceNowBasic,
            new Dictionary<string, string> { ["username"] = "u" },
            new CredentialSecret(new Dictionary<string, string> { ["password"] = "p" }),
            default);
        harness.CredentialId = credential.Id;
        var connector = await store.Connectors.AddAsync(new Core.Connectors.NewConnector("c", "test", "https://example.invalid/", credential.Id, "{}"), clock.GetUtcNow(), default);
        harness.ConnectorId = connector.Id;
        return harness;
    }

    public async Task<(SyncRun Run, long JobId)> EnqueueDeviceJobAsync(SyncMode mode = SyncMode.Full)
    {
        var run = await Store.Runs.CreateAsync(ConnectorId, mode, Clock.GetUtcNow(), default);
        var ids = await Store.Jobs.EnqueueAsync(
            [new NewJob(run.Id, ConnectorId, ScriptedOperation.ListDevicesKey, "cmdb_ci_computer", CredentialId, "{}", "example.invalid", EntityKind.Device)],
            default);
        return (run, ids[0]);
    }

    public InProcessAgentChannel Channel(string agent = "embedded") =>
        new(Store, Vault, Finalizer, new AgentClaim(agent, TimeSpan.FromSeconds(60)));

    public JobExecutor Executor(IAgentChannel channel) =>
        new(channel, new OperationMap([Operation]), new CredentialFactory([]), new AgentOptions(), Clock, NullLogger.Instance);

    public AgentRuntime Runtime(IAgentChannel channel, AgentOptions? options = null) =>
        new(channel, Executor(channel), options ?? new AgentOptions { Concurrency = 1, IdlePollInterval = TimeSpan.FromMilliseconds(20) }, Clock, NullLogger.Instance);

    public async Task<List<string>> LiveDeviceIdsAsync()
    {
        var ids = new List<string>();
        await foreach (var device in Store.Inventory.ReadDevicesAsync(new Core.Storage.DeviceQuery(), default))
        {
            ids.Add(device.Device.SysId);
        }

        return ids;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _key.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
