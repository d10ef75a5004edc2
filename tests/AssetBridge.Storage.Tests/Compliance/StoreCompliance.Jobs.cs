using AssetBridge.Core.Ingestion;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Jobs;

namespace AssetBridge.Storage.Tests.Compliance;

public abstract partial class StoreCompliance
{
    [StoreFact]
    public async Task Claim_OnEmptyQueue_ReturnsNull()
    {
        Assert.Null(await Store.Jobs.TryClaimAsync(new AgentClaim("agent-1", Lease), Ct));
    }

    [StoreFact]
    public async Task Claim_TakesJobsInQueueOrder_AndStampsALease()
    {
        var run = await StartRunAsync((await AddConnectorAsync()).Id);
        var ids = await Store.Jobs.EnqueueAsync([NewJobFor(run, Computers), NewJobFor(run, Adapters, EntityKind.NetworkAdapter)], Ct);

        var first = await ClaimAsync("agent-1");
        var second = await ClaimAsync("agent-2");

        Assert.Null(await Store.Jobs.TryClaimAsync(new AgentClaim("agent-3", Lease), Ct));
        Assert.Equal(ids, [first.JobId, second.JobId]);
        Assert.Equal(new JobTicket(ids[0], run.Id, run.ConnectorId, ListDevices, Computers, 7, """{"table":"x"}""", "example.service-now.com"), first.Ticket);
        Assert.Equal((1, "agent-1", Clock.GetUtcNow() + Lease), (first.Attempt, first.Owner, first.ExpiresAt));
        Assert.NotEqual(first.Token, second.Token);
        var record = (await Store.Jobs.ListByRunAsync(run.Id, Ct))[1];
        Assert.Equal((JobState.Processing, 1, "agent-2", Clock.GetUtcNow() + Lease, EntityKind.NetworkAdapter), (record.State, record.Attempts, record.LeaseOwner, record.LeaseExpiresAt, record.Kind));
    }

    [StoreFact]
    public async Task Claim_AfterLeaseExpired_HandsTheJobOutAgainWithTheNextAttempt()
    {
        var run = await StartRunAsync((await AddConnectorAsync()).Id);
        await EnqueueAsync(run);
        var first = await ClaimAsync("agent-1");

        Clock.Advance(Lease);
        Assert.Null(await Store.Jobs.TryClaimAsync(new AgentClaim("agent-2", Lease), Ct));
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        var second = await ClaimAsync("agent-2");

        Assert.Equal(first.JobId, second.JobId);
        Assert.Equal(2, second.Attempt);
        Assert.NotEqual(first.Token, second.Token);
        Assert.Equal(("agent-2", Clock.GetUtcNow() + Lease), (second.Owner, second.ExpiresAt));
    }

    [StoreFact]
    public async Task Renew_ExtendsTheLease_SoTheJobIsNotReclaimed()
    {
        var run = await StartRunAsync((await AddConnectorAsync()).Id);
        await EnqueueAsync(run);
        var lease = await ClaimAsync();

        Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await Store.Jobs.RenewAsync(lease, Lease, Ct));
        Clock.Advance(TimeSpan.FromSeconds(20));

        Assert.Null(await Store.Jobs.TryClaimAsync(new AgentClaim("agent-2", Lease), Ct));
        Assert.Equal(Clock.GetUtcNow() + TimeSpan.FromSeconds(10), (await Store.Jobs.ListByRunAsync(run.Id, Ct))[0].LeaseExpiresAt);
    }

    [StoreFact]
    public async Task StaleLease_IsRefused_ForRenewCompleteFailReleaseAndChunks()
    {
        var run = await StartRunAsync((await AddConnectorAsync()).Id);
        await EnqueueAsync(run);
        var stale = await ClaimAsync("agent-1");
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var current = await ClaimAsync("agent-2");

        Assert.False(await Store.Jobs.RenewAsync(stale, Lease, Ct));
        Assert.False(await Store.Jobs.CompleteAsync(stale, new JobOutcome(1, 1, null, null), Ct));
        Assert.False(await Store.Jobs.FailAsync(stale, "boom", Ct));
        Assert.False(await Store.Jobs.ReleaseAsync(stale, Ct));
        Assert.Equal(ChunkApplyResult.LeaseLost, await ApplyAsync(stale, 0, Devices(Device("d1"))));
        Assert.Equal(ChunkApplyResult.LeaseLost, await ApplyAsync(current with { Attempt = 1 }, 0, Devices(Device("d1"))));

        var record = (await Store.Jobs.ListByRunAsync(run.Id, Ct)).Single();
        Assert.Equal((JobState.Processing, 2, "agent-2", 0L), (record.State, record.Attempts, record.LeaseOwner, record.RecordsApplied));
        Assert.Equal(0, (await Store.Inventory.CountAsync(null, Ct)).Devices);
        Assert.True(await Store.Jobs.RenewAsync(current, Lease, Ct));
    }

    [StoreFact]
    public async Task Complete_RecordsTheOutcome_AndEndsTheLease()
    {
        var run = await StartRunAsync((await AddConnectorAsync()).Id);
        await EnqueueAsync(run);
        var lease = await ClaimAsync();
        var outcome = new JobOutcome(1200, 3, new Watermark("2025-02-01 10:00:00", "abc"), 1250);
        Clock.Advance(TimeSpan.FromSeconds(3));

        Assert.True(await Store.Jobs.CompleteAsync(lease, outcome, Ct));

        var record = (await Store.Jobs.ListByRunAsync(run.Id, Ct)).Single();
        Assert.Equal(JobState.Processed, record.State);
        Assert.Equal(outcome, record.Outcome);
        Assert.Equal(50, record.Outcome!.Hidden);
        Assert.Equal(Clock.GetUtcNow(), record.UpdatedAt);
        Assert.False(await Store.Jobs.CompleteAsync(lease, outcome, Ct));
        Assert.False(await Store.Jobs.RenewAsync(lease, Lease, Ct));
        Assert.False(await Store.Jobs.ReleaseAsync(lease, Ct));
        Assert.Equal(ChunkApplyResult.LeaseLost, await ApplyAsync(lease, 5, Devices(Device("d1"))));
        Clock.Advance(TimeSpan.FromHours(1));
        Assert.Null(await Store.Jobs.TryClaimAsync(new AgentClaim("agent-2", Lease), Ct));
    }

    [StoreFact]
    public async Task Fail_RecordsTheErrorSentence_ForGood()
    {
        var run = await StartRunAsync((await AddConnectorAsync()).Id);
        await EnqueueAsync(run);
        var lease = await ClaimAsync();

        Assert.True(await Store.Jobs.FailAsync(lease, "The account lacks cmdb_read; grant it, then sync again.", Ct));

        var record = (await Store.Jobs.ListByRunAsync(run.Id, Ct)).Single();
        Assert.Equal((JobState.Error, "The account lacks cmdb_read; grant it, then sync again.", (JobOutcome?)null), (record.State, record.Error, record.Outcome));
        Clock.Advance(TimeSpan.FromHours(1));
        Assert.Null(await Store.Jobs.TryClaimAsync(new AgentClaim("agent-2", Lease), Ct));
    }

    [StoreFact]
    public async Task Release_PutsTheJobBackInTheQueue()
    {
        var run = await StartRunAsync((await AddConnectorAsync()).Id);
        await EnqueueAsync(run);
        var lease = await ClaimAsync("agent-1");

        Assert.True(await Store.Jobs.ReleaseAsync(lease, Ct));
        var released = (await Store.Jobs.ListByRunAsync(run.Id, Ct)).Single();
        var again = await ClaimAsync("agent-2");

        Assert.Equal((JobState.Ready, (string?)null, (DateTimeOffset?)null), (released.State, released.LeaseOwner, released.LeaseExpiresAt));
        Assert.Equal((lease.JobId, 2), (again.JobId, again.Attempt));
        Assert.False(await Store.Jobs.ReleaseAsync(lease, Ct));
    }

    [StoreFact]
    public async Task Job_WhoseEveryLeaseExpired_GoesToErrorAfterMaxAttempts_WithASentence()
    {
        var run = await StartRunAsync((await AddConnectorAsync()).Id);
        var jobId = await EnqueueAsync(run);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var lease = await ClaimAsync("agent-" + attempt);
            Assert.Equal((jobId, attempt), (lease.JobId, lease.Attempt));
            Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        }

        Assert.Null(await Store.Jobs.TryClaimAsync(new AgentClaim("agent-6", Lease), Ct));

        var record = (await Store.Jobs.ListByRunAsync(run.Id, Ct)).Single();
        Assert.Equal(JobState.Error, record.State);
        Assert.Equal(5, record.Attempts);
        Assert.Equal("The job was claimed 5 times and every agent lost its lease; check the agents' logs, then run the sync again.", record.Error);
    }

    [StoreFact]
    public async Task Jobs_AreCountedByState()
    {
        var run = await StartRunAsync((await AddConnectorAsync()).Id);
        await Store.Jobs.EnqueueAsync(JobsFor(run, 4), Ct);
        await Store.Jobs.CompleteAsync(await ClaimAsync(), new JobOutcome(0, 0, null, null), Ct);
        await Store.Jobs.FailAsync(await ClaimAsync(), "boom", Ct);
        await ClaimAsync();

        var counts = await Store.Jobs.CountByStateAsync(Ct);

        Assert.Equal(1, counts[JobState.Ready]);
        Assert.Equal(1, counts[JobState.Processing]);
        Assert.Equal(1, counts[JobState.Processed]);
        Assert.Equal(1, counts[JobState.Error]);
        var listed = (await Store.Jobs.ListByRunAsync(run.Id, Ct)).Select(j => j.Id).ToList();
        Assert.Equal(listed.Order(), listed);
        Assert.Equal(4, listed.Count);
        Assert.Empty(await Store.Jobs.ListByRunAsync(run.Id + 1, Ct));
    }

    [StoreFact]
    public async Task Claims_RacingEachOther_NeverHandOutAJobTwice()
    {
        var run = await StartRunAsync((await AddConnectorAsync()).Id);
        var ids = await Store.Jobs.EnqueueAsync(JobsFor(run, 40), Ct);

        var claimed = await Task.WhenAll(Enumerable.Range(0, 4).Select(agent => Task.Run(async () =>
        {
            var mine = new List<long>();
            while (await Store.Jobs.TryClaimAsync(new AgentClaim("agent-" + agent, Lease), Ct) is { } lease)
            {
                mine.Add(lease.JobId);
            }

            return mine;
        })));

        Assert.Equal(ids.Order(), claimed.SelectMany(m => m).Order());
    }

    [StoreFact]
    public async Task Enqueue_OfAScopeTheRunAlreadyHas_IsSkipped_AndReturnsOnlyNewIds()
    {
        var run = await StartRunAsync((await AddConnectorAsync()).Id);
        var other = await StartRunAsync((await AddConnectorAsync("other")).Id);
        var first = await Store.Jobs.EnqueueAsync([NewJobFor(run, Computers), NewJobFor(run, Adapters, EntityKind.NetworkAdapter)], Ct);

        var again = await Store.Jobs.EnqueueAsync([NewJobFor(run, Adapters, EntityKind.NetworkAdapter), NewJobFor(run, "sub-1"), NewJobFor(run, "sub-1"), NewJobFor(other, Computers)], Ct);

        Assert.Equal(2, first.Count);
        Assert.Equal(2, again.Count);
        Assert.Equal([Computers, Adapters, "sub-1"], (await Store.Jobs.ListByRunAsync(run.Id, Ct)).Select(j => j.Scope));
        Assert.Equal([again[0]], (await Store.Jobs.ListByRunAsync(run.Id, Ct)).Where(j => j.Scope == "sub-1").Select(j => j.Id));
        Assert.Equal([again[1]], (await Store.Jobs.ListByRunAsync(other.Id, Ct)).Select(j => j.Id));
        Assert.Empty(await Store.Jobs.EnqueueAsync([NewJobFor(run, Computers)], Ct));
    }

    [StoreFact]
    public async Task Enqueue_OfTheSameFollowUps_ByCallersRacing_AddsEachJobOnce()
    {
        var run = await StartRunAsync((await AddConnectorAsync()).Id);
        var followUps = Enumerable.Range(0, 20).Select(i => NewJobFor(run, $"/subscriptions/{i:D4}/", EntityKind.CloudVm)).ToList();
        using var start = new ManualResetEventSlim();

        var racers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await Store.Jobs.EnqueueAsync(followUps, Ct);
        })).ToArray();
        start.Set();
        var added = await Task.WhenAll(racers);

        var jobs = await Store.Jobs.ListByRunAsync(run.Id, Ct);
        Assert.Equal(followUps.Select(j => j.Scope).Order(StringComparer.Ordinal), jobs.Select(j => j.Scope).Order(StringComparer.Ordinal));
        Assert.Equal(jobs.Select(j => j.Id).Order(), added.SelectMany(ids => ids).Order());
    }

    [StoreFact]
    public async Task Complete_KeepsTheScopesADiscoveryJobFound()
    {
        var run = await StartRunAsync((await AddConnectorAsync()).Id);
        await Store.Jobs.EnqueueAsync([NewJobFor(run, "subscriptions", EntityKind.CloudVm), NewJobFor(run, Computers)], Ct);
        var discovery = await ClaimAsync();
        var plain = await ClaimAsync();
        var outcome = new JobOutcome(0, 1, new Watermark("2025-02-01 10:00:00", "abc"), 3) { Discovered = [SubscriptionB, SubscriptionA] };

        Assert.True(await Store.Jobs.CompleteAsync(discovery, outcome, Ct));
        Assert.True(await Store.Jobs.CompleteAsync(plain, new JobOutcome(5, 1, null, null), Ct));

        var outcomes = (await Store.Jobs.ListByRunAsync(run.Id, Ct)).Select(j => j.Outcome!).ToList();
        Assert.Equal([SubscriptionB, SubscriptionA], outcomes[0].Discovered!);
        Assert.Equal(outcome with { Discovered = null }, outcomes[0] with { Discovered = null });
        Assert.Equal(new JobOutcome(5, 1, null, null), outcomes[1]);
        Assert.Null(outcomes[1].Discovered);
    }
}
