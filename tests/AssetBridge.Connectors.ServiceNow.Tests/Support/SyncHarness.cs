using AssetBridge.Connectors.ServiceNow.Settings;
using AssetBridge.Connectors.ServiceNow.TableApi;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Operations;
using AssetBridge.Core.Runs;

namespace AssetBridge.Connectors.ServiceNow.Tests.Support;

/// <summary>
/// The connector as an agent uses it: the module, the planner's jobs for a connector, and the
/// operation map running them with an opened credential. Logs are captured for secret checks.
/// </summary>
internal sealed class SyncHarness : IDisposable
{
    private readonly OperationMap _operations;

    private SyncHarness(TableApiClientOptions options, TimeProvider time)
    {
        Time = time;
        Module = ServiceNowModule.Create(options, time, Logs.CreateFactory());
        _operations = new OperationMap(Module.Operations);
    }

    public CapturedLogs Logs { get; } = new();

    public ServiceNowModule Module { get; }

    public TimeProvider Time { get; }

    /// <summary>Client options for tests: tiny backoff, short timeouts, so faults cost milliseconds.</summary>
    public static TableApiClientOptions FastOptions() => new()
    {
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        RetryMaxDelay = TimeSpan.FromMilliseconds(10),
        RequestTimeout = TimeSpan.FromSeconds(10),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };

    public static SyncHarness Create(TableApiClientOptions? options = null, TimeProvider? time = null) =>
        new(options ?? FastOptions(), time ?? TimeProvider.System);

    public static Connector Connector(Uri instance, ServiceNowConnectorSettings? settings = null) =>
        new(7, "test", ConnectorKinds.ServiceNow, instance.AbsoluteUri, 3, (settings ?? new ServiceNowConnectorSettings()).ToJson(), DateTimeOffset.UnixEpoch);

    public IReadOnlyList<NewJob> Plan(Connector connector, SyncMode mode, IReadOnlyDictionary<string, Watermark>? watermarks = null) =>
        Module.Planner.Plan(connector, new SyncRun(11, connector.Id, connector.Name, mode, RunState.Running, DateTimeOffset.UnixEpoch, null, RunCounts.Zero, null),
            watermarks ?? new Dictionary<string, Watermark>());

    public async Task<(JobOutcome Outcome, RecordingResultWriter Results)> RunAsync(
        NewJob job, OpenedCredential credential, Action<int>? afterBatch = null, CancellationToken cancellationToken = default)
    {
        var results = new RecordingResultWriter(afterBatch);
        var ticket = new JobTicket(21, job.RunId, job.ConnectorId, job.Operation, job.Scope, job.CredentialId, job.Parameters, job.Target);
        var provider = Module.AuthenticatorProviders.Single(p => p.CredentialType == credential.Info.Type);
        var context = new OperationContext(ticket, target => provider.Create(credential, target), Time, Logs.CreateFactory().CreateLogger("job"));
        var outcome = await _operations.Resolve(job.Operation).ExecuteAsync(context, results, cancellationToken);
        return (outcome, results);
    }

    /// <summary>Plans a run and executes the job of one kind.</summary>
    public Task<(JobOutcome Outcome, RecordingResultWriter Results)> SyncAsync(
        Uri instance, EntityKind kind, OpenedCredential credential, ServiceNowConnectorSettings? settings = null,
        SyncMode mode = SyncMode.Full, Watermark? from = null, Action<int>? afterBatch = null)
    {
        var connector = Connector(instance, settings);
        var table = (settings ?? new ServiceNowConnectorSettings()).TableFor(kind);
        var watermarks = from is null ? null : new Dictionary<string, Watermark> { [table] = from };
        var job = Plan(connector, mode, watermarks).Single(j => j.Kind == kind);
        return RunAsync(job, credential, afterBatch);
    }

    public void Dispose() => Module.Dispose();
}
