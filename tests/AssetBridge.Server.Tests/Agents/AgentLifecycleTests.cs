using AssetBridge.Agent.Remote;
using AssetBridge.Core.Access;
using AssetBridge.Core.Agents;
using AssetBridge.Core.Jobs;
using AssetBridge.Server.Agents;
using Microsoft.Extensions.DependencyInjection;

namespace AssetBridge.Server.Tests.Agents;

public sealed class AgentLifecycleTests
{
    [Fact]
    public async Task Rekey_ReplacesTheAgentsKeys_RevokesItsSessions_AndItKeepsWorkingWithTheNewKey()
    {
        await using var server = await AgentServer.StartAsync();
        var directory = await server.EnrollAsync("edge-1");
        var before = await File.ReadAllTextAsync(Path.Combine(directory, AgentIdentity.KeyFile));
        var oldSigningKey = (await server.Store.Agents.FindAsync("edge-1", default))!.SigningKey;
        var operation = new CanaryOperation();
        server.Run(directory, operation);
        await AgentServer.WaitUntilAsync(async () => (await server.Agents.ListAsync(default)).Single().Status == AgentStatus.Up, "the agent is up");

        await server.Agents.RekeyAsync("edge-1", default);
        Assert.True((await server.Agents.ListAsync(default)).Single().RekeyPending);
        await AgentServer.WaitUntilAsync(async () => (await server.Store.Agents.FindAsync("edge-1", default))!.KeyVersion == 2, "the agent replaces its keys");

        var agent = (await server.Agents.ListAsync(default)).Single();
        Assert.False(agent.RekeyPending);
        Assert.NotEqual(oldSigningKey, (await server.Store.Agents.FindAsync("edge-1", default))!.SigningKey);
        // The server records the new keys before the agent, having read the answer, saves them.
        await AgentServer.WaitUntilAsync(
            async () => await File.ReadAllTextAsync(Path.Combine(directory, AgentIdentity.KeyFile)) != before,
            "the agent saves its new keys");
        Assert.Contains("replaced its keys (key version 2); its sessions were revoked", server.Logs.All, StringComparison.Ordinal);

        var (_, jobId) = await server.EnqueueJobAsync();
        await AgentServer.WaitUntilAsync(async () => (await server.JobAsync(jobId)).State == JobState.Processed, "the job runs with a credential sealed to the new key");
        Assert.Equal([AgentServer.Canary], operation.SecretsSeen);
    }

    [Fact]
    public async Task Remove_RevokesSessions_AndTheAgentStops()
    {
        await using var server = await AgentServer.StartAsync();
        var directory = await server.EnrollAsync("edge-1");
        var agent = server.Run(directory, new CanaryOperation(), o => o.HeartbeatInterval = TimeSpan.FromMilliseconds(200));
        await AgentServer.WaitUntilAsync(async () => (await server.Agents.ListAsync(default)).Single().Status == AgentStatus.Up, "the agent is up");
        var id = (await server.Agents.ListAsync(default)).Single().Id;

        await server.Agents.RemoveAsync("edge-1", default);
        Assert.Empty(await server.Agents.ListAsync(default));
        Assert.DoesNotContain(await server.Store.Tokens.ListAsync([TokenKind.AgentSession], default), t => t.AgentId == id);
        var error = await Assert.ThrowsAsync<AgentRequestException>(() => agent.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("not enrolled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_DrainsTheAgent_ItsRunningJobFinishes_AndItIsDraining()
    {
        await using var server = await AgentServer.StartAsync();
        var directory = await server.EnrollAsync("edge-1");
        var gate = new TaskCompletionSource();
        var operation = new CanaryOperation { BetweenPages = _ => gate.Task };
        var agent = server.Run(directory, operation, o => o.DrainTimeout = TimeSpan.FromSeconds(30));
        var (_, jobId) = await server.EnqueueJobAsync();
        await AgentServer.WaitUntilAsync(async () => await server.DeviceCountAsync() == 10, "the job is under way");

        var stopping = agent.StopAsync();
        await AgentServer.WaitUntilAsync(async () => (await server.Agents.ListAsync(default)).Single().Status == AgentStatus.Draining, "the agent says it is draining");
        gate.SetResult();
        await stopping;
        Assert.Equal(JobState.Processed, (await server.JobAsync(jobId)).State);
        Assert.Equal(30, await server.DeviceCountAsync());
    }

    [Fact]
    public async Task Sigterm_HandsBackAJobThatOutlivesTheDrainTimeout()
    {
        await using var server = await AgentServer.StartAsync();
        var directory = await server.EnrollAsync("edge-1");
        var operation = new CanaryOperation { BetweenPages = _ => Task.Delay(Timeout.Infinite) };
        var agent = server.Run(directory, operation, o => o.DrainTimeout = TimeSpan.FromMilliseconds(200));
        var (_, jobId) = await server.EnqueueJobAsync();
        await AgentServer.WaitUntilAsync(async () => await server.DeviceCountAsync() == 10, "the job is under way");

        await agent.StopAsync();
        var job = await server.JobAsync(jobId);
        Assert.Equal(JobState.Ready, job.State);
        Assert.Null(job.LeaseOwner);
    }

    [Fact]
    public async Task EmbeddedAgent_RunsJobsAssignedToIt()
    {
        var operation = new CanaryOperation();
        await using var server = await AgentServer.StartAsync(
            o => { o.EmbeddedAgent = true; o.EmbeddedAgentName = "embedded-test"; },
            s => s.AddSingleton(new EmbeddedAgentOperations([operation], [operation])));
        var (_, jobId) = await server.EnqueueJobAsync();
        await AgentServer.WaitUntilAsync(async () => (await server.JobAsync(jobId)).State == JobState.Processed, "the embedded agent runs the job");
        Assert.Equal("embedded-test", (await server.JobAsync(jobId)).AssignedAgent);
        Assert.True((await server.Agents.ListAsync(default)).Single().Embedded);
    }
}
