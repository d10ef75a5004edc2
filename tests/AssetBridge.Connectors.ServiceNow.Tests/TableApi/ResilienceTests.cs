using AssetBridge.Connectors.ServiceNow.Settings;
using AssetBridge.Connectors.ServiceNow.Tests.Support;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Runs;
using AssetBridge.Emulators.ServiceNow;

namespace AssetBridge.Connectors.ServiceNow.Tests.TableApi;

public class ResilienceTests
{
    private static readonly Core.Credentials.OpenedCredential Reader = TestCredentials.Basic("assetbridge", "assetbridge");

    [Fact]
    public async Task Sync_SendsNothingWhileRateLimited_AndReadsEveryRow_WhenFourJobsShareOneRequestSlot()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 60, AdaptersPerDevice = 1, Applications = 5, Seed = 8, RateLimitPerSecond = 12 });
        using var harness = SyncHarness.Create();
        var connector = SyncHarness.Connector(emulator.BaseAddress, new ServiceNowConnectorSettings { PageSize = 8, MaxConcurrentRequests = 1 });

        var runs = await Task.WhenAll(harness.Plan(connector, SyncMode.Full).Select(job => harness.RunAsync(job, Reader)));

        Assert.True(emulator.Stats.CountOfStatus(429) > 0, "the limit must bite for this test to mean anything");
        Assert.Equal(0, emulator.Stats.RateLimitViolations);
        AssertEveryRowRead(emulator, runs);
    }

    [Fact]
    public async Task Sync_GoesOneAtATimeAfterThe429_SoOnlyRequestsAlreadyOnTheWireArriveLate()
    {
        const int cap = 4;
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 60, AdaptersPerDevice = 1, Applications = 5, Seed = 8, RateLimitPerSecond = 12 });
        using var harness = SyncHarness.Create();
        var connector = SyncHarness.Connector(emulator.BaseAddress, new ServiceNowConnectorSettings { PageSize = 8, MaxConcurrentRequests = cap });

        var runs = await Task.WhenAll(harness.Plan(connector, SyncMode.Full).Select(job => harness.RunAsync(job, Reader)));

        // Requests sent before the first 429 reached the client land inside the blackout; the
        // emulator counts them, but nothing sent after it does (later 429s find one request in flight).
        Assert.True(emulator.Stats.CountOfStatus(429) > 1, "the limit must bite repeatedly for this test to mean anything");
        Assert.InRange(emulator.Stats.RateLimitViolations, 0, cap - 1);
        AssertEveryRowRead(emulator, runs);
    }

    private static void AssertEveryRowRead(ServiceNowEmulator emulator, (Core.Jobs.JobOutcome Outcome, RecordingResultWriter Results)[] runs)
    {
        Assert.Equal(emulator.Instance.SysIds("cmdb_ci_computer"), runs[0].Results.SysIds());
        Assert.Equal(emulator.Instance.SysIds("cmdb_ci_network_adapter"), runs[1].Results.SysIds());
        Assert.Equal(emulator.Instance.SysIds("cmdb_ci_business_app"), runs[2].Results.SysIds());
        Assert.Equal(runs[3].Outcome.SourceTotal, runs[3].Outcome.Records);
    }

    [Fact]
    public async Task Sync_SurvivesScriptedFaults_WithTheExactRowSet()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 40, AdaptersPerDevice = 0, Applications = 0, Seed = 10 });
        using var harness = SyncHarness.Create();
        emulator.Instance.EnqueueFaults(
        [
            EmulatorFault.ServerError500,
            EmulatorFault.ServiceUnavailable503,
            EmulatorFault.ConnectionReset,
            EmulatorFault.TruncatedBody,
            EmulatorFault.TransactionCancelled,
        ]);

        var (outcome, results) = await harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, Reader, new ServiceNowConnectorSettings { PageSize = 7 });

        Assert.Equal(0, emulator.Instance.PendingFaults);
        Assert.Equal(5, emulator.Stats.FaultsInjected.Values.Sum());
        Assert.Equal(emulator.Instance.SysIds("cmdb_ci_computer"), results.SysIds());
        Assert.Equal(40, outcome.Records);
    }

    [Fact]
    public async Task Sync_SurvivesFaultsBetweenPages_WithoutRepeatingRows()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 40, AdaptersPerDevice = 0, Applications = 0, Seed = 10, FaultRate = 0.3 });
        using var harness = SyncHarness.Create(Faster(o => o.MaxAttempts = 12));

        var (_, results) = await harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, Reader, new ServiceNowConnectorSettings { PageSize = 5 });

        Assert.True(emulator.Stats.FaultsInjected.Values.Sum() > 0);
        Assert.Equal(emulator.Instance.SysIds("cmdb_ci_computer"), results.SysIds());
        Assert.Equal(0, emulator.Stats.RateLimitViolations);
    }

    [Fact]
    public async Task Sync_FailsAsTransient_WhenServerErrorsOutlastTheRetries()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 5 });
        using var harness = SyncHarness.Create(Faster(o => o.MaxAttempts = 3));
        emulator.Instance.EnqueueFaults(Enumerable.Repeat(EmulatorFault.ServiceUnavailable503, 3));

        var e = await Assert.ThrowsAnyAsync<AssetBridgeException>(() => harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, Reader));

        Assert.Equal(ErrorKind.Transient, e.Kind);
        Assert.Equal("ServiceNow answered 503 ServiceUnavailable for cmdb_ci_computer on all 3 attempts; the instance may be busy or in maintenance: run the sync again later.", e.Message);
    }

    [Fact]
    public async Task Sync_FailsAsTransient_WhenEveryQueryIsCancelled()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 5 });
        using var harness = SyncHarness.Create(Faster(o => o.MaxAttempts = 2));
        emulator.Instance.EnqueueFaults(Enumerable.Repeat(EmulatorFault.TransactionCancelled, 2));

        var e = await Assert.ThrowsAnyAsync<AssetBridgeException>(() => harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, Reader));

        Assert.Equal(ErrorKind.Transient, e.Kind);
        Assert.Equal(
            "ServiceNow cancelled the query on cmdb_ci_computer (Transaction cancelled: maximum execution time exceeded) on all 2 attempts; lower --page-size so each page finishes within the instance's transaction quota, then run the sync again.",
            e.Message);
    }

    [Fact]
    public async Task Sync_FailsAsRateLimited_WhenThe429BudgetIsSpent()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 5 });
        using var harness = SyncHarness.Create(Faster(o => o.MaxConsecutiveRateLimits = 2));
        emulator.Instance.EnqueueFaults(Enumerable.Repeat(EmulatorFault.RateLimited, 2));

        var e = await Assert.ThrowsAnyAsync<AssetBridgeException>(() => harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, Reader));

        Assert.Equal(ErrorKind.RateLimited, e.Kind);
        Assert.Equal(
            "ServiceNow rate-limited user 'assetbridge' on 127.0.0.1 2 times in a row (rule 4d2b8c1e1b1230106f3a2d4c9e4bcb7a); ask the ServiceNow administrator to raise the inbound REST rate limit for this user or give AssetBridge a dedicated user, or raise --page-size so a sync needs fewer requests, then run the sync again.",
            e.Message);
        Assert.Equal(0, emulator.Stats.RateLimitViolations);
    }

    [Fact]
    public async Task Sync_RetriesAfterATimeout_WhenTheInstanceIsSlow()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 5 });
        using var harness = SyncHarness.Create(Faster(o => (o.RequestTimeout, o.ConnectTimeout) = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1))));
        emulator.Instance.SlowResponseDelay = TimeSpan.FromSeconds(30);
        emulator.Instance.EnqueueFault(EmulatorFault.SlowResponse);

        var (_, results) = await harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, Reader);

        Assert.Equal(emulator.Instance.SysIds("cmdb_ci_computer"), results.SysIds());
    }

    [Fact]
    public async Task Sync_KeepsRequestsInFlightUnderTheCap_WhenJobsRunTogether()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 30, AdaptersPerDevice = 1, Applications = 10, Seed = 12 });
        using var harness = SyncHarness.Create();
        emulator.Instance.SlowResponseDelay = TimeSpan.FromMilliseconds(40);
        emulator.Instance.EnqueueFaults(Enumerable.Repeat(EmulatorFault.SlowResponse, 30));
        var connector = SyncHarness.Connector(emulator.BaseAddress, new ServiceNowConnectorSettings { PageSize = 5, MaxConcurrentRequests = 2 });

        var runs = await Task.WhenAll(harness.Plan(connector, SyncMode.Full).Select(job => harness.RunAsync(job, Reader)));

        Assert.InRange(emulator.Stats.MaxConcurrentRequests, 1, 2);
        Assert.Equal(emulator.Instance.SysIds("cmdb_ci_network_adapter"), runs[1].Results.SysIds());
    }

    private static Connectors.ServiceNow.TableApi.TableApiClientOptions Faster(Action<Connectors.ServiceNow.TableApi.TableApiClientOptions> change)
    {
        var options = SyncHarness.FastOptions();
        change(options);
        return options;
    }
}
