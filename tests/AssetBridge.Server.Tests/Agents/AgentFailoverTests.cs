using AssetBridge.Core.Agents;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Runs;

namespace AssetBridge.Server.Tests.Agents;

public sealed class AgentFailoverTests
{
    [Fact]
    public async Task AgentGoingDown_RehomesItsJob_AndAJobThatRanTwiceLandsItsResultsOnce()
    {
        await using var server = await AgentServer.StartAsync();
        var first = await server.EnrollAsync("edge-1");
        var second = await server.EnrollAsync("edge-2");
        var gate = new TaskCompletionSource();
        var stalled = new CanaryOperation { BetweenPages = _ => gate.Task };
        var healthy = new CanaryOperation();
        var partition = new NetworkPartition(server.Bodies);
        server.Run(first, stalled, o => o.WrapHandler = partition.Wrap);
        server.Run(second, healthy);
        await AgentServer.WaitUntilAsync(async () => (await server.Agents.ListAsync(default)).All(a => a.Status == AgentStatus.Up), "both agents are up");

        // edge-1 wins the tie by name, lands its first page, then stalls and loses the network.
        var (run, jobId) = await server.EnqueueJobAsync();
        await AgentServer.WaitUntilAsync(async () => await server.DeviceCountAsync() == 10, "edge-1 lands its first page");
        Assert.Equal("edge-1", (await server.JobAsync(jobId)).LeaseOwner);
        partition.Cut();

        // No heartbeat from edge-1 within DownAfter: it is Down, and its job moves to edge-2.
        server.Clock.Advance(server.Options.DownAfter + TimeSpan.FromSeconds(1));
        await AgentServer.WaitUntilAsync(async () => (await server.Store.Runs.GetAsync(run.Id, default))!.State != RunState.Running, "the run ends on edge-2");
        Assert.Contains("Agent edge-1 is Down", server.Logs.All, StringComparison.Ordinal);
        var job = await server.JobAsync(jobId);
        Assert.Equal(JobState.Processed, job.State);
        Assert.Equal("edge-2", job.AssignedAgent);
        Assert.Equal(1, healthy.Executions);

        // edge-1 comes back and tries to land the rest of its run: refused, because its lease was revoked.
        partition.Heal();
        gate.SetResult();
        await AgentServer.WaitUntilAsync(() => Task.FromResult(server.Logs.All.Contains("lease lost; stopped without acknowledging", StringComparison.Ordinal)), "edge-1 notices it lost the job");
        Assert.Contains("Retrying with backoff.", server.Logs.All, StringComparison.Ordinal);
        await AgentServer.WaitUntilAsync(() => Task.FromResult(server.Logs.All.Contains("Reconnected to the server.", StringComparison.Ordinal)), "edge-1 reconnects");
        Assert.Equal(30, await server.DeviceCountAsync());
        Assert.Equal(RunState.Completed, (await server.Store.Runs.GetAsync(run.Id, default))!.State);
        Assert.Equal(JobState.Processed, (await server.JobAsync(jobId)).State);
    }

    [Fact]
    public async Task PausedAgent_GetsNoNewWork_AndDefaultAgentTakesItWhenNothingElseFits()
    {
        await using var server = await AgentServer.StartAsync();
        var paused = await server.EnrollAsync("edge-1");
        var fallback = await server.EnrollAsync("fallback", capabilities: ["azure"]);
        var pausedOperation = new CanaryOperation();
        var fallbackOperation = new CanaryOperation();
        server.Run(paused, pausedOperation);
        server.Run(fallback, fallbackOperation);
        await AgentServer.WaitUntilAsync(async () => (await server.Agents.ListAsync(default)).All(a => a.Status == AgentStatus.Up), "both agents are up");
        await server.Agents.PauseAsync("edge-1", default);

        var (_, waiting) = await server.EnqueueJobAsync();
        await AgentServer.WaitUntilAsync(async () => (await server.JobAsync(waiting)).WaitReason is not null, "the job waits");
        Assert.Equal("waiting for an agent: edge-1 is Paused; fallback lacks capability 'servicenow'", (await server.JobAsync(waiting)).WaitReason);

        await server.SetPlacementAsync(new AgentPlacement(null, null, "fallback"));
        await AgentServer.WaitUntilAsync(async () => (await server.JobAsync(waiting)).State == JobState.Processed, "the default agent runs the job");
        Assert.Equal("fallback", (await server.JobAsync(waiting)).AssignedAgent);
        Assert.Equal(0, pausedOperation.Executions);
    }

    [Fact]
    public async Task Selection_HonoursIpRangesOfTheTarget_AndPinnedCluster()
    {
        await using var server = await AgentServer.StartAsync();
        var inside = await server.EnrollAsync("inside", ranges: ["10.1.0.0/16", "!10.1.9.0/24"]);
        var outside = await server.EnrollAsync("outside", ranges: ["192.168.0.0/16"]);
        var standby = await server.EnrollAsync("standby");
        var insideOperation = new CanaryOperation();
        var standbyOperation = new CanaryOperation();
        server.Run(inside, insideOperation);
        server.Run(outside, new CanaryOperation());
        server.Run(standby, standbyOperation);
        await AgentServer.WaitUntilAsync(async () => (await server.Agents.ListAsync(default)).All(a => a.Status == AgentStatus.Up), "agents are up");

        await server.Agents.SaveClusterAsync("dc", ClusterMode.Failover, ["outside", "inside", "standby"], default);
        await server.SetPlacementAsync(new AgentPlacement(null, "dc", null));
        var (first, allowed) = await server.EnqueueJobAsync("https://10.1.2.3/");
        await AgentServer.WaitUntilAsync(async () => (await server.JobAsync(allowed)).State == JobState.Processed, "the job runs");
        Assert.Equal("inside", (await server.JobAsync(allowed)).AssignedAgent);

        // The job is acknowledged before its run is finalized; the connector's next run waits for that.
        await AgentServer.WaitUntilAsync(async () => (await server.Store.Runs.GetAsync(first.Id, default))!.State != RunState.Running, "the first run ends");

        var (_, excluded) = await server.EnqueueJobAsync("10.1.9.7");
        await AgentServer.WaitUntilAsync(async () => (await server.JobAsync(excluded)).State == JobState.Processed, "the excluded address goes to the next member");
        Assert.Equal("standby", (await server.JobAsync(excluded)).AssignedAgent);
    }
}
