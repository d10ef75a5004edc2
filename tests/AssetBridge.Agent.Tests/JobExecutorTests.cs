using AssetBridge.Agent.Transport;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Runs;

namespace AssetBridge.Agent.Tests;

public sealed class JobExecutorTests
{
    [Fact]
    public async Task Execute_DeliversEveryPage_AndCompletes_WithTheOutcome()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Operation.Pages.AddRange([ScriptedOperation.DevicePage(0, 3), ScriptedOperation.DevicePage(3, 3), ScriptedOperation.DevicePage(6, 1)]);
        var (run, jobId) = await harness.EnqueueDeviceJobAsync();
        var channel = harness.Channel();
        var lease = await channel.ClaimAsync(default);

        var outcome = await harness.Executor(channel).ExecuteAsync(lease!, default);
        Assert.True(await channel.CompleteAsync(lease!, outcome, default));

        Assert.Equal(7, outcome.Records);
        Assert.Equal(7, (await harness.LiveDeviceIdsAsync()).Count);
        var job = Assert.Single(await harness.Store.Jobs.ListByRunAsync(run.Id, default));
        Assert.Equal(JobState.Processed, job.State);
        Assert.Equal(7, job.RecordsApplied);
        Assert.Equal(RunState.Completed, (await harness.Store.Runs.GetAsync(run.Id, default))!.State);
    }

    [Fact]
    public async Task Execute_StopsWithoutAcknowledging_WhenAnotherAgentTookTheLease_AndTheRerunLandsOnce()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Operation.Pages.AddRange([ScriptedOperation.DevicePage(0, 2), ScriptedOperation.DevicePage(2, 2)]);
        var (run, _) = await harness.EnqueueDeviceJobAsync();
        var first = harness.Channel("agent-a");
        var second = harness.Channel("agent-b");
        var lease = (await first.ClaimAsync(default))!;
        JobLease? stolen = null;
        harness.Operation.BetweenPages = async _ =>
        {
            harness.Clock.Advance(TimeSpan.FromMinutes(2)); // agent-a's lease expires...
            stolen = await second.ClaimAsync(default);      // ...and agent-b claims the job
        };

        await Assert.ThrowsAsync<LeaseLostException>(() => harness.Executor(first).ExecuteAsync(lease, default));
        Assert.False(await first.CompleteAsync(lease, new JobOutcome(4, 2, null, null), default));

        harness.Operation.BetweenPages = null;
        Assert.NotNull(stolen);
        Assert.Equal(2, stolen!.Attempt);
        var outcome = await harness.Executor(second).ExecuteAsync(stolen, default);
        Assert.True(await second.CompleteAsync(stolen, outcome, default));

        var ids = await harness.LiveDeviceIdsAsync();
        Assert.Equal(["d00000", "d00001", "d00002", "d00003"], ids);
        Assert.Equal(RunState.Completed, (await harness.Store.Runs.GetAsync(run.Id, default))!.State);
    }

    [Fact]
    public async Task Credential_IsRefused_ToAnAgentWhoseLeaseIsNotCurrent()
    {
        await using var harness = await AgentHarness.StartAsync();
        await harness.EnqueueDeviceJobAsync();
        var first = harness.Channel("agent-a");
        var lease = (await first.ClaimAsync(default))!;
        harness.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.NotNull(await harness.Channel("agent-b").ClaimAsync(default));

        await Assert.ThrowsAsync<LeaseLostException>(() => first.GetCredentialAsync(lease, default));
    }

    [Fact]
    public async Task Runtime_FailsTheJobWithItsSentence_AndTheRunFails_DeletingNothing()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Operation.Pages.Add(ScriptedOperation.DevicePage(0, 2));
        var (seed, _) = await harness.EnqueueDeviceJobAsync();
        await RunToEndAsync(harness, seed.Id);

        harness.Operation.Pages.Clear();
        harness.Operation.FailAfterPages = new AssetBridgeException(ErrorKind.Authentication, "ServiceNow rejected the credentials (401); re-add the credential.");
        var (failing, _) = await harness.EnqueueDeviceJobAsync(SyncMode.Full);
        var run = await RunToEndAsync(harness, failing.Id);

        Assert.Equal(RunState.Failed, run.State);
        Assert.Contains("rejected the credentials (401)", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, run.Counts.MarkedDeleted);
        Assert.Equal(2, (await harness.LiveDeviceIdsAsync()).Count);
    }

    [Fact]
    public async Task CompletedFullRun_MarksUnseenDevicesDeleted_AndSavesTheWatermark()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Operation.Pages.Add(ScriptedOperation.DevicePage(0, 3));
        var (first, _) = await harness.EnqueueDeviceJobAsync();
        await RunToEndAsync(harness, first.Id);

        harness.Operation.Pages.Clear();
        harness.Operation.Pages.Add(ScriptedOperation.DevicePage(1, 2));
        var (second, _) = await harness.EnqueueDeviceJobAsync();
        var run = await RunToEndAsync(harness, second.Id);

        Assert.Equal(RunState.Completed, run.State);
        Assert.Equal(1, run.Counts.MarkedDeleted);
        Assert.Equal(["d00001", "d00002"], await harness.LiveDeviceIdsAsync());
        var watermarks = await harness.Store.Connectors.GetWatermarksAsync(harness.ConnectorId, default);
        Assert.Equal("d00002", watermarks["cmdb_ci_computer"].SysId);
    }

    [Fact]
    public async Task Runtime_HandsTheJobBack_WhenStoppedMidJob()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Operation.Pages.AddRange([ScriptedOperation.DevicePage(0, 1), ScriptedOperation.DevicePage(1, 1)]);
        var (run, _) = await harness.EnqueueDeviceJobAsync();
        using var stop = new CancellationTokenSource();
        var paused = new TaskCompletionSource();
        harness.Operation.BetweenPages = async _ =>
        {
            paused.TrySetResult();
            await Task.Delay(Timeout.Infinite, stop.Token);
        };
        var runtime = harness.Runtime(harness.Channel());

        var loop = runtime.RunAsync(stop.Token);
        await paused.Task;
        await stop.CancelAsync();
        await loop;

        var job = Assert.Single(await harness.Store.Jobs.ListByRunAsync(run.Id, default));
        Assert.Equal(JobState.Ready, job.State);
        Assert.Null(job.LeaseOwner);
    }

    private static async Task<SyncRun> RunToEndAsync(AgentHarness harness, long runId)
    {
        using var stop = new CancellationTokenSource();
        var runtime = harness.Runtime(harness.Channel());
        var loop = runtime.RunAsync(stop.Token);
        runtime.Wake();
        SyncRun? run;
        do
        {
            await Task.Delay(10);
            run = await harness.Store.Runs.GetAsync(runId, default);
        }
        while (run!.State == RunState.Running);

        await stop.CancelAsync();
        await loop;
        return run;
    }
}
