using AssetBridge.Connectors.Azure.Planning;
using AssetBridge.Connectors.Azure.Settings;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Operations;
using AssetBridge.Core.Runs;
using AssetBridge.Emulators.Azure;

namespace AssetBridge.Connectors.Azure.Tests.Support;

/// <summary>
/// The connector as an agent uses it, against an Azure emulator over real HTTPS: the module (trusting
/// the emulator's certificate as an extra root), the planner's jobs, and the operation map running
/// them with an opened credential. Logs are captured for secret checks.
/// </summary>
internal sealed class AzureHarness : IDisposable
{
    private readonly OperationMap _operations;

    private AzureHarness(AzureModuleOptions options)
    {
        Module = AzureModule.Create(options, TimeProvider.System, Logs.CreateFactory());
        _operations = new OperationMap(Module.Operations);
    }

    public CapturedLogs Logs { get; } = new();

    public AzureModule Module { get; }

    /// <summary>Fast retries, and the emulator's self-signed certificate trusted in addition to the system store.</summary>
    public static AzureHarness Create(AzureEmulator? emulator, Action<AzureModuleOptions>? configure = null)
    {
        var options = new AzureModuleOptions
        {
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            RetryMaxDelay = TimeSpan.FromMilliseconds(50),
            DefaultRetryAfter = TimeSpan.FromMilliseconds(200),
            RequestTimeout = TimeSpan.FromSeconds(30),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            ExtraTrustedRoots = emulator is null ? null : [emulator.Certificate],
        };
        configure?.Invoke(options);
        return new AzureHarness(options);
    }

    public static OpenedCredential DefaultPrincipal(AzureEmulator emulator, string? secret = null, string? tenant = null) =>
        TestCredentials.Secret(tenant ?? emulator.TenantId, AzureEmulatorOptions.DefaultClientId, secret ?? AzureEmulatorOptions.DefaultClientSecret);

    public static Connector Connector(AzureEmulator emulator, IReadOnlyList<string>? subscriptions = null)
    {
        var (target, json) = AzureConnectorSettings.Describe(subscriptions ?? [], emulator.AuthorityHost.AbsoluteUri, emulator.ArmEndpoint.AbsoluteUri);
        return new Connector(7, "tenant", ConnectorKinds.Azure, target, 3, json, DateTimeOffset.UnixEpoch);
    }

    public static SyncRun Run() => new(11, 7, "tenant", SyncMode.Full, RunState.Running, DateTimeOffset.UnixEpoch, null, RunCounts.Zero, null);

    public async Task<(JobOutcome Outcome, RecordingResultWriter Results)> RunAsync(NewJob job, OpenedCredential credential, CancellationToken cancellationToken = default)
    {
        var results = new RecordingResultWriter();
        var ticket = new JobTicket(21, job.RunId, job.ConnectorId, job.Operation, job.Scope, job.CredentialId, job.Parameters, job.Target);
        var provider = Module.AuthenticatorProviders.Single(p => p.CredentialType == credential.Info.Type);
        var context = new OperationContext(ticket, target => provider.Create(credential, target), TimeProvider.System, Logs.CreateFactory().CreateLogger("job"));
        var outcome = await _operations.Resolve(job.Operation).ExecuteAsync(context, results, cancellationToken);
        return (outcome, results);
    }

    /// <summary>A whole run: Get Subscriptions, then every ListNodes job it leads to, concurrently, as agents would.</summary>
    public async Task<SyncResult> SyncAsync(Connector connector, OpenedCredential credential)
    {
        var run = Run();
        var discovery = Assert.Single(Module.Planner.Plan(connector, run, new Dictionary<string, Watermark>()));
        var (outcome, _) = await RunAsync(discovery, credential);
        var processed = new JobRecord(21, run.Id, connector.Id, discovery.Operation, discovery.Scope, discovery.Kind, JobState.Processed, 1, null, null, 0, outcome, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        var followUps = Module.Planner.PlanFollowUps(connector, run, processed);
        var listings = await Task.WhenAll(followUps.Select(job => RunAsync(job, credential)));
        return new SyncResult(outcome, followUps, listings);
    }

    public void Dispose() => Module.Dispose();
}

internal sealed record SyncResult(JobOutcome Discovery, IReadOnlyList<NewJob> Jobs, (JobOutcome Outcome, RecordingResultWriter Results)[] Listings)
{
    public IReadOnlyList<CloudVm> Vms => [.. Listings.SelectMany(l => l.Results.Vms)];
}
