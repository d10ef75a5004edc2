using AssetBridge.Core.Jobs;

namespace AssetBridge.Agent.Tests;

public sealed class AgentRuntimeDrainTests
{
    [Fact]
    public async Task StopClaiming_LetsTheRunningJobFinish_AndClaimsNothingMore()
    {
        await using var harness = await AgentHarness.StartAsync();
        var gate = new TaskCompletionSource();
        harness.Operation.Pages.Add(ScriptedOperation.DevicePage(0, 5));
        harness.Operation.Pages.Add(ScriptedOperation.DevicePage(5, 5));
        harness.Operation.BetweenPages = _ => gate.Task;
        var (run, first) = await harness.EnqueueDeviceJobAsync();
        var runtime = harness.Runtime(harness.Channel());
        using var stopClaiming = new CancellationTokenSource();
        var running = runtime.RunAsync(stopClaiming.Token, CancellationToken.None);
        while ((await harness.Store.Jobs.GetAsync(first, default))!.State != JobState.Processing)
        {
            await Task.Delay(10);
        }

        await stopClaiming.CancelAsync();
        var second = (await harness.Store.Jobs.EnqueueAsync(
            [new NewJob(run.Id, harness.ConnectorId, ScriptedOperation.ListDevicesKey, "cmdb_ci_server", harness.CredentialId, "{}", null, Core.Inventory.EntityKind.Device)],
            default))[0];
        gate.SetResult();
        await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(JobState.Processed, (await harness.Store.Jobs.GetAsync(first, default))!.State);
        Assert.Equal(JobState.Ready, (await harness.Store.Jobs.GetAsync(second, default))!.State);
    }
}
