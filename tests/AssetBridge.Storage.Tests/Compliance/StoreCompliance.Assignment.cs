using AssetBridge.Core.Ingestion;
using AssetBridge.Core.Jobs;

namespace AssetBridge.Storage.Tests.Compliance;

public abstract partial class StoreCompliance
{
    [StoreFact]
    public async Task Claim_WithoutUnassigned_TakesOnlyJobsAssignedToTheClaimant()
    {
        var run = await StartRunAsync((await AddConnectorAsync()).Id);
        var ids = await Store.Jobs.EnqueueAsync(JobsFor(run, 3), Ct);
        Assert.True(await Store.Jobs.AssignAsync(ids[1], "edge-2", Ct));
        Assert.True(await Store.Jobs.AssignAsync(ids[2], "edge-1", Ct));

        var mine = await Store.Jobs.TryClaimAsync(new AgentClaim("edge-1", Lease, IncludeUnassigned: false), Ct);

        Assert.Equal(ids[2], mine?.JobId);
        Assert.Null(await Store.Jobs.TryClaimAsync(new AgentClaim("edge-1", Lease, IncludeUnassigned: false), Ct));
        var any = await Store.Jobs.TryClaimAsync(new AgentClaim("edge-1", Lease, IncludeUnassigned: true), Ct);
        Assert.Equal(ids[0], any?.JobId);
        Assert.Equal("edge-1", (await Store.Jobs.GetAsync(ids[0], Ct))!.AssignedAgent);
        Assert.Null(await Store.Jobs.TryClaimAsync(new AgentClaim("edge-1", Lease, IncludeUnassigned: true), Ct));
        Assert.Equal(ids[1], (await Store.Jobs.TryClaimAsync(new AgentClaim("edge-2", Lease, IncludeUnassigned: false), Ct))?.JobId);
    }

    [StoreFact]
    public async Task Assign_SucceedsOnlyOnce_AndOnlyForReadyUnassignedJobs()
    {
        var run = await StartRunAsync((await AddConnectorAsync()).Id);
        var ids = await Store.Jobs.EnqueueAsync(JobsFor(run, 2), Ct);

        Assert.Equal(ids, (await Store.Jobs.ListUnassignedAsync(10, Ct)).Select(j => j.Id));
        Assert.True(await Store.Jobs.AssignAsync(ids[0], "edge-1", Ct));
        Assert.False(await Store.Jobs.AssignAsync(ids[0], "edge-2", Ct));
        Assert.Equal("edge-1", (await Store.Jobs.GetAsync(ids[0], Ct))!.AssignedAgent);
        Assert.Equal([ids[1]], (await Store.Jobs.ListUnassignedAsync(10, Ct)).Select(j => j.Id));

        var claimed = await ClaimAsync("edge-3");
        Assert.Equal(ids[1], claimed.JobId);
        Assert.False(await Store.Jobs.AssignAsync(ids[1], "edge-2", Ct));
        Assert.False(await Store.Jobs.AssignAsync(ids[1] + 100, "edge-2", Ct));
        Assert.Empty(await Store.Jobs.ListUnassignedAsync(10, Ct));
    }

    [StoreFact]
    public async Task ListUnassigned_HonoursTheLimit_OldestFirst()
    {
        var run = await StartRunAsync((await AddConnectorAsync()).Id);
        var ids = await Store.Jobs.EnqueueAsync(JobsFor(run, 3), Ct);

        Assert.Equal(ids.Take(2), (await Store.Jobs.ListUnassignedAsync(2, Ct)).Select(j => j.Id));
    }

    [StoreFact]
    public async Task WaitReason_IsSet_AndClearedWhenTheJobIsAssigned()
    {
        var run = await StartRunAsync((await AddConnectorAsync()).Id);
        var id = await EnqueueAsync(run);

        await Store.Jobs.SetWaitReasonAsync(id, "No approved agent has capability servicenow.", Ct);
        Assert.Equal("No approved agent has capability servicenow.", (await Store.Jobs.GetAsync(id, Ct))!.WaitReason);
        Assert.Equal("No approved agent has capability servicenow.", (await Store.Jobs.ListUnassignedAsync(1, Ct)).Single().WaitReason);

        Assert.True(await Store.Jobs.AssignAsync(id, "edge-1", Ct));
        Assert.Null((await Store.Jobs.GetAsync(id, Ct))!.WaitReason);
    }

    [StoreFact]
    public async Task WaitReason_IsClearedWithNull()
    {
        var run = await StartRunAsync((await AddConnectorAsync()).Id);
        var id = await EnqueueAsync(run);
        await Store.Jobs.SetWaitReasonAsync(id, "waiting", Ct);

        await Store.Jobs.SetWaitReasonAsync(id, null, Ct);

        Assert.Null((await Store.Jobs.GetAsync(id, Ct))!.WaitReason);
    }

    [StoreFact]
    public async Task Rehome_PutsTheAgentsReadyAndProcessingJobsBackUnassigned_AndRevokesTheLease()
    {
        var run = await StartRunAsync((await AddConnectorAsync()).Id);
        var ids = await Store.Jobs.EnqueueAsync(JobsFor(run, 4), Ct);
        foreach (var id in ids.Take(3))
        {
            Assert.True(await Store.Jobs.AssignAsync(id, "edge-1", Ct));
        }

        Assert.True(await Store.Jobs.AssignAsync(ids[3], "edge-2", Ct));
        var held = await Store.Jobs.TryClaimAsync(new AgentClaim("edge-1", Lease, IncludeUnassigned: false), Ct);
        var done = await Store.Jobs.TryClaimAsync(new AgentClaim("edge-1", Lease, IncludeUnassigned: false), Ct);
        Assert.True(await Store.Jobs.CompleteAsync(done!, new JobOutcome(0, 0, null, null), Ct));

        Assert.Equal(2, await Store.Jobs.RehomeAsync("edge-1", Clock.GetUtcNow(), Ct));

        Assert.False(await Store.Jobs.CompleteAsync(held!, new JobOutcome(0, 0, null, null), Ct));
        Assert.False(await Store.Jobs.RenewAsync(held!, Lease, Ct));
        Assert.Equal(ChunkApplyResult.LeaseLost, await ApplyAsync(held!, 0, Devices(Device("d1"))));
        var rehomed = await Store.Jobs.GetAsync(held!.JobId, Ct);
        Assert.Equal((JobState.Ready, (string?)null, (string?)null, (DateTimeOffset?)null), (rehomed!.State, rehomed.AssignedAgent, rehomed.LeaseOwner, rehomed.LeaseExpiresAt));
        Assert.Equal([ids[0], ids[2]], (await Store.Jobs.ListUnassignedAsync(10, Ct)).Select(j => j.Id).Order());
        Assert.Equal("edge-2", (await Store.Jobs.GetAsync(ids[3], Ct))!.AssignedAgent);
        Assert.Equal(JobState.Processed, (await Store.Jobs.GetAsync(done!.JobId, Ct))!.State);
        Assert.Null(await Store.Jobs.TryClaimAsync(new AgentClaim("edge-1", Lease, IncludeUnassigned: false), Ct));
    }

    [StoreFact]
    public async Task CountLoadByAgent_CountsReadyAndProcessingJobsPerAssignedAgent()
    {
        var run = await StartRunAsync((await AddConnectorAsync()).Id);
        var ids = await Store.Jobs.EnqueueAsync(JobsFor(run, 5), Ct);
        await Store.Jobs.AssignAsync(ids[0], "edge-1", Ct);
        await Store.Jobs.AssignAsync(ids[1], "edge-1", Ct);
        await Store.Jobs.AssignAsync(ids[2], "edge-1", Ct);
        await Store.Jobs.AssignAsync(ids[3], "edge-2", Ct);
        var claimed = await Store.Jobs.TryClaimAsync(new AgentClaim("edge-1", Lease, IncludeUnassigned: false), Ct);
        var finished = await Store.Jobs.TryClaimAsync(new AgentClaim("edge-1", Lease, IncludeUnassigned: false), Ct);
        Assert.True(await Store.Jobs.FailAsync(finished!, "boom", Ct));

        var load = await Store.Jobs.CountLoadByAgentAsync(Ct);

        Assert.NotNull(claimed);
        Assert.Equal(new Dictionary<string, int> { ["edge-1"] = 2, ["edge-2"] = 1 }, load);
    }

    [StoreFact]
    public async Task Release_ClearsTheAssignment()
    {
        var run = await StartRunAsync((await AddConnectorAsync()).Id);
        var id = await EnqueueAsync(run);
        Assert.True(await Store.Jobs.AssignAsync(id, "edge-1", Ct));
        var lease = await Store.Jobs.TryClaimAsync(new AgentClaim("edge-1", Lease, IncludeUnassigned: false), Ct);

        Assert.True(await Store.Jobs.ReleaseAsync(lease!, Ct));

        var released = await Store.Jobs.GetAsync(id, Ct);
        Assert.Equal((JobState.Ready, (string?)null), (released!.State, released.AssignedAgent));
        Assert.Equal([id], (await Store.Jobs.ListUnassignedAsync(10, Ct)).Select(j => j.Id));
        Assert.Null(await Store.Jobs.GetAsync(id + 100, Ct));
    }
}
