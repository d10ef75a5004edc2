using System.Net;
using AssetBridge.Agent.Protocol;
using AssetBridge.Agent.Remote;
using AssetBridge.Core.Agents;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Runs;

namespace AssetBridge.Server.Tests.Agents;

public sealed class AgentDispatchTests
{
    [Fact]
    public async Task Job_WaitsUntilApproval_ThenRunsOnTheAgent_WithASealedCredentialThatNeverTravelsInClear()
    {
        await using var server = await AgentServer.StartAsync();
        var directory = await server.EnrollAsync("edge-1", autoApprove: false);
        var operation = new CanaryOperation();
        server.Run(directory, operation);
        var (run, jobId) = await server.EnqueueJobAsync();

        await AgentServer.WaitUntilAsync(async () => (await server.JobAsync(jobId)).WaitReason is not null, "the job says why it waits");
        Assert.Equal("waiting for an agent: edge-1 awaits approval (assetbridge agents approve edge-1)", (await server.JobAsync(jobId)).WaitReason);
        Assert.Equal(0, operation.Executions);

        await server.Agents.ApproveAsync("edge-1", default);
        await AgentServer.WaitUntilAsync(async () => (await server.Store.Runs.GetAsync(run.Id, default))!.State != RunState.Running, "the run ends");

        var job = await server.JobAsync(jobId);
        Assert.True(job.State == JobState.Processed, job.Error);
        Assert.Equal("edge-1", job.AssignedAgent);
        Assert.Equal(RunState.Completed, (await server.Store.Runs.GetAsync(run.Id, default))!.State);
        Assert.Equal(30, await server.DeviceCountAsync());
        Assert.Equal([AgentServer.Canary], operation.SecretsSeen);

        // The secret crossed the wire only inside the sealed envelope, and is nowhere at rest or in logs.
        Assert.Contains("/credential", server.Bodies.All, StringComparison.Ordinal);
        Assert.Contains("ciphertext", server.Bodies.All, StringComparison.Ordinal);
        Assert.DoesNotContain(AgentServer.Canary, server.Bodies.All, StringComparison.Ordinal);
        Assert.DoesNotContain(AgentServer.Canary, server.Logs.All, StringComparison.Ordinal);
        await server.Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(server.Directory, "server.db*"))
        {
            Assert.DoesNotContain(AgentServer.Canary, System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Dispatch_ReachesAWaitingAgentWellUnderASecond()
    {
        await using var server = await AgentServer.StartAsync();
        var directory = await server.EnrollAsync("edge-1");
        var operation = new CanaryOperation();
        server.Run(directory, operation);
        await AgentServer.WaitUntilAsync(async () => (await server.Agents.ListAsync(default)).Single().Status == AgentStatus.Up, "the agent is up");

        var started = TimeProvider.System.GetTimestamp();
        var (_, jobId) = await server.EnqueueJobAsync();
        await AgentServer.WaitUntilAsync(async () => (await server.JobAsync(jobId)).State != JobState.Ready, "the agent claims the job");
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(1), $"claimed after {TimeProvider.System.GetElapsedTime(started)}");
    }

    [Fact]
    public async Task Credential_ForAJobNotLeasedToTheAsker_Is403_AndLogged()
    {
        await using var server = await AgentServer.StartAsync();
        var holder = await server.EnrollAsync("edge-1");
        var asker = await server.EnrollAsync("edge-2");
        var operation = new CanaryOperation { Devices = 20 };
        var gate = new TaskCompletionSource();
        operation.BetweenPages = _ => gate.Task;
        await server.SetPlacementAsync(new AgentPlacement("edge-1", null, null));
        server.Run(holder, operation);
        var (_, jobId) = await server.EnqueueJobAsync();
        await AgentServer.WaitUntilAsync(async () => (await server.JobAsync(jobId)).State == JobState.Processing, "edge-1 holds the job");

        using var identity = AgentIdentity.Load(asker);
        using var client = new AgentHttpClient(server.BaseAddress, new ServerPin(server.BaseAddress, server.Thumbprint), server.Clock, server.Bodies.Wrap, TimeSpan.FromSeconds(30)) { Identity = identity };
        var refused = await Assert.ThrowsAsync<AgentRequestException>(() => client.PostAsync<object>(AgentRoutes.Job(jobId, "credential"), new LeaseRequest(Guid.NewGuid()), authenticated: true, default));
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains($"Agent edge-2 asked for the credential of job {jobId}, which is not leased to it now; refused.", server.Logs.All, StringComparison.Ordinal);
        gate.SetResult();
    }
}
