using AssetBridge.Core.Access;
using AssetBridge.Core.Agents;
using AssetBridge.Core.Errors;

namespace AssetBridge.Storage.Tests.Compliance;

public abstract partial class StoreCompliance
{
    [StoreFact]
    public async Task Agent_Registered_IsFoundByNameAndId_WithEverythingItWasGiven()
    {
        var added = await RegisterAgentAsync("edge-1");

        var byName = await Store.Agents.FindAsync("edge-1", Ct);
        var byId = await Store.Agents.FindAsync(added.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct);

        Assert.NotNull(byName);
        Assert.Equal(added.Id, byId?.Id);
        Assert.Equal(added.Id, (await Store.Agents.GetAsync(added.Id, Ct))?.Id);
        Assert.Equal(["servicenow", "azure"], byName.Capabilities);
        Assert.Equal(["10.0.0.0/8", "!10.9.0.0/16"], byName.IpRanges.ToEntries());
        Assert.Equal(new byte[] { 1, 2, 3 }, byName.SigningKey);
        Assert.Equal(new byte[] { 4, 5, 6 }, byName.SealingKey);
        Assert.Equal((1, false, AgentMode.Active, false), (byName.KeyVersion, byName.Approved, byName.Mode, byName.Embedded));
        Assert.Equal((Clock.GetUtcNow(), (DateTimeOffset?)Clock.GetUtcNow()), (byName.EnrolledAt, byName.LastSeenAt));
        Assert.Equal(("edge-host", "1.2.3"), (byName.Host, byName.Version));
        Assert.Null(await Store.Agents.FindAsync("other", Ct));
        Assert.Null(await Store.Agents.GetAsync(added.Id + 100, Ct));
    }

    [StoreFact]
    public async Task Agent_WithNameInUse_IsConflictNamingIt()
    {
        await RegisterAgentAsync("edge-1");

        var error = await Assert.ThrowsAsync<AssetBridgeException>(() => RegisterAgentAsync("edge-1"));

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Contains("'edge-1'", error.Message, StringComparison.Ordinal);
        Assert.Single(await Store.Agents.ListAsync(Ct));
    }

    [StoreFact]
    public async Task Agents_AreListedByName()
    {
        await RegisterAgentAsync("b-agent");
        await RegisterAgentAsync("a-agent");
        await RegisterAgentAsync("B-agent");

        Assert.Equal(["B-agent", "a-agent", "b-agent"], (await Store.Agents.ListAsync(Ct)).Select(a => a.Name));
    }

    [StoreFact]
    public async Task Agent_ApproveModeAndTouch_AreStored()
    {
        var agent = await RegisterAgentAsync("edge-1");
        var seen = Clock.GetUtcNow() + TimeSpan.FromMinutes(5);

        Assert.True(await Store.Agents.SetApprovedAsync(agent.Id, true, Ct));
        Assert.True(await Store.Agents.SetModeAsync(agent.Id, AgentMode.Draining, Ct));
        Assert.True(await Store.Agents.TouchAsync(agent.Id, seen, Ct));

        var stored = await Store.Agents.GetAsync(agent.Id, Ct);
        Assert.Equal((true, AgentMode.Draining, (DateTimeOffset?)seen), (stored!.Approved, stored.Mode, stored.LastSeenAt));
        Assert.True(await Store.Agents.SetModeAsync(agent.Id, AgentMode.Paused, Ct));
        Assert.Equal(AgentMode.Paused, (await Store.Agents.GetAsync(agent.Id, Ct))!.Mode);
        Assert.False(await Store.Agents.SetApprovedAsync(agent.Id + 100, true, Ct));
        Assert.False(await Store.Agents.TouchAsync(agent.Id + 100, seen, Ct));
    }

    [StoreFact]
    public async Task Agent_Rekey_ReplacesBothKeys_AndIncrementsTheKeyVersion()
    {
        var agent = await RegisterAgentAsync("edge-1");

        Assert.True(await Store.Agents.ReplaceKeysAsync(agent.Id, [7, 7], [8, 8], Ct));
        Assert.True(await Store.Agents.ReplaceKeysAsync(agent.Id, [9], [10], Ct));

        var stored = await Store.Agents.GetAsync(agent.Id, Ct);
        Assert.Equal(3, stored!.KeyVersion);
        Assert.Equal(new byte[] { 9 }, stored.SigningKey);
        Assert.Equal(new byte[] { 10 }, stored.SealingKey);
        Assert.False(await Store.Agents.ReplaceKeysAsync(agent.Id + 100, [1], [1], Ct));
    }

    [StoreFact]
    public async Task Agent_Remove_TakesItsClusterMembershipsAndTokensWithIt()
    {
        var agent = await RegisterAgentAsync("edge-1");
        var other = await RegisterAgentAsync("edge-2");
        await Store.Agents.SaveClusterAsync(new AgentCluster("dc-east", ClusterMode.Failover, ["edge-1", "edge-2"]), Ct);
        await Store.Tokens.CreateAsync(NewTokenFor(TokenKind.AgentSession, "h-session-1", agent.Id), Ct);
        await Store.Tokens.CreateAsync(NewTokenFor(TokenKind.AgentSession, "h-session-2", other.Id), Ct);

        Assert.True(await Store.Agents.RemoveAsync(agent.Id, Ct));

        Assert.Null(await Store.Agents.GetAsync(agent.Id, Ct));
        Assert.Equal(["edge-2"], (await Store.Agents.FindClusterAsync("dc-east", Ct))!.Members);
        Assert.Null(await Store.Tokens.FindAsync("h-session-1", Clock.GetUtcNow(), Ct));
        Assert.NotNull(await Store.Tokens.FindAsync("h-session-2", Clock.GetUtcNow(), Ct));
        Assert.False(await Store.Agents.RemoveAsync(agent.Id, Ct));
    }

    [StoreFact]
    public async Task EmbeddedAgent_Upsert_IsIdempotent_AndRefreshesHostVersionAndLastSeen()
    {
        var first = await Store.Agents.UpsertEmbeddedAsync("server-1", "host-a", "1.0", Clock.GetUtcNow(), Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await Store.Agents.UpsertEmbeddedAsync("server-1", "host-b", "1.1", Clock.GetUtcNow(), Ct);

        Assert.Equal(first.Id, second.Id);
        Assert.Single(await Store.Agents.ListAsync(Ct));
        Assert.Equal((true, true, (DateTimeOffset?)Clock.GetUtcNow(), "host-b", "1.1"), (second.Embedded, second.Approved, second.LastSeenAt, second.Host, second.Version));
        Assert.Equal(first.EnrolledAt, second.EnrolledAt);
        Assert.True(second.HasCapability("anything"));
        Assert.True(second.IpRanges.IsUnlimited);
    }

    [StoreFact]
    public async Task Clusters_AreSavedReplacedListedAndRemoved_KeepingMemberOrder()
    {
        await Store.Agents.SaveClusterAsync(new AgentCluster("west", ClusterMode.LoadBalance, ["z-agent", "a-agent", "m-agent"]), Ct);
        await Store.Agents.SaveClusterAsync(new AgentCluster("east", ClusterMode.Failover, ["b", "a"]), Ct);

        var west = await Store.Agents.FindClusterAsync("west", Ct);
        Assert.Equal(ClusterMode.LoadBalance, west!.Mode);
        Assert.Equal(["z-agent", "a-agent", "m-agent"], west.Members);

        await Store.Agents.SaveClusterAsync(new AgentCluster("west", ClusterMode.Failover, ["m-agent", "q-agent"]), Ct);
        var clusters = await Store.Agents.ListClustersAsync(Ct);

        Assert.Equal(["east", "west"], clusters.Select(c => c.Name));
        Assert.Equal(["b", "a"], clusters[0].Members);
        Assert.Equal(ClusterMode.Failover, clusters[1].Mode);
        Assert.Equal(["m-agent", "q-agent"], clusters[1].Members);
        Assert.True(await Store.Agents.RemoveClusterAsync("west", Ct));
        Assert.False(await Store.Agents.RemoveClusterAsync("west", Ct));
        Assert.Null(await Store.Agents.FindClusterAsync("west", Ct));
        Assert.Equal(["east"], (await Store.Agents.ListClustersAsync(Ct)).Select(c => c.Name));
    }

    protected Task<AgentRecord> RegisterAgentAsync(string name) =>
        Store.Agents.RegisterAsync(
            new NewAgent(name, ["servicenow", "azure"], IpRangeSet.Parse(["10.0.0.0/8", "!10.9.0.0/16"]), [1, 2, 3], [4, 5, 6], Approved: false, Embedded: false, "edge-host", "1.2.3"),
            Clock.GetUtcNow(),
            Ct);

    protected NewToken NewTokenFor(TokenKind kind, string hash, long? agentId = null, TimeSpan? lifetime = null) =>
        new(kind, hash, "token " + hash, agentId, AutoApprove: false, Clock.GetUtcNow(), lifetime is { } l ? Clock.GetUtcNow() + l : null);
}
