using System.Net;
using AssetBridge.Core.Agents;

namespace AssetBridge.Core.Tests.Agents;

public sealed class AgentSelectorTests
{
    private static readonly IPAddress Target = IPAddress.Parse("10.1.2.3");

    private static AgentCandidate Agent(string name, AgentStatus status = AgentStatus.Up, int load = 0, bool approved = true, string[]? capabilities = null, string[]? ranges = null) =>
        new(new AgentRecord(name.GetHashCode(StringComparison.Ordinal), name, capabilities ?? ["servicenow"], IpRangeSet.Parse(ranges ?? []), [], [], 1, approved, AgentMode.Active, false, DateTimeOffset.UnixEpoch, null, null, null), status, load);

    private static AgentSelectionRequest Job(AgentPlacement? placement = null, params IPAddress[] addresses) =>
        new("ServiceNow", "sn.example", addresses.Length == 0 ? [Target] : addresses, placement ?? AgentPlacement.Any);

    [Fact]
    public void Select_PicksLeastLoaded_TiesByName()
    {
        Assert.Equal("b", AgentSelector.Select(Job(), [Agent("a", load: 2), Agent("c", load: 1), Agent("b", load: 1)], null).AgentName);
    }

    [Fact]
    public void Select_MatchesCapabilityCaseInsensitively_AndAllMatchesEverything()
    {
        var agents = new[] { Agent("azure", capabilities: ["azure"]), Agent("all", load: 5, capabilities: ["all"]) };
        Assert.Equal("all", AgentSelector.Select(Job(), agents, null).AgentName);
    }

    [Fact]
    public void Select_HonoursIncludeAndExcludeRanges()
    {
        var agents = new[]
        {
            Agent("other-net", ranges: ["192.168.0.0/16"]),
            Agent("excluded", ranges: ["10.0.0.0/8", "!10.1.2.0-10.1.2.9"]),
            Agent("edge", load: 9, ranges: ["10.1.0.0/16"]),
        };
        Assert.Equal("edge", AgentSelector.Select(Job(), agents, null).AgentName);
    }

    [Fact]
    public void Select_UnresolvedHost_ExcludesOnlyRangeLimitedAgents()
    {
        var request = new AgentSelectionRequest("servicenow", "nowhere.invalid", [], AgentPlacement.Any);
        Assert.Equal("free", AgentSelector.Select(request, [Agent("limited", ranges: ["10.0.0.0/8"]), Agent("free", load: 3)], null).AgentName);
        var waiting = AgentSelector.Select(request, [Agent("limited", ranges: ["10.0.0.0/8"])], null);
        Assert.Null(waiting.AgentName);
        Assert.Contains("'nowhere.invalid' did not resolve", waiting.WaitReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_NeverPicksPausedDrainingDownOrUnapproved_AndSaysWhyForEach()
    {
        var agents = new[]
        {
            Agent("edge-1", AgentStatus.Down),
            Agent("edge-2", capabilities: ["azure"]),
            Agent("edge-3", ranges: ["!10.1.2.3"]),
            Agent("edge-4", AgentStatus.Paused),
            Agent("edge-5", AgentStatus.Draining),
            Agent("edge-6", approved: false),
        };
        var selection = AgentSelector.Select(Job(), agents, null);
        Assert.Null(selection.AgentName);
        Assert.Equal(
            "waiting for an agent: edge-1 is Down; edge-2 lacks capability 'ServiceNow'; edge-3's IP ranges exclude 10.1.2.3; edge-4 is Paused; edge-5 is Draining; edge-6 awaits approval (assetbridge agents approve edge-6)",
            selection.WaitReason);
    }

    [Fact]
    public void Select_PinnedAgent_IsTheOnlyChoice()
    {
        var agents = new[] { Agent("a"), Agent("b", load: 7) };
        Assert.Equal("b", AgentSelector.Select(Job(new AgentPlacement("b", null, null)), agents, null).AgentName);
        var down = AgentSelector.Select(Job(new AgentPlacement("b", null, null)), [Agent("a"), Agent("b", AgentStatus.Down)], null);
        Assert.Equal("waiting for an agent: b is Down", down.WaitReason);
        Assert.Contains("not enrolled", AgentSelector.Select(Job(new AgentPlacement("zz", null, null)), agents, null).WaitReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_FailoverCluster_TakesFirstUpMemberInOrder()
    {
        var cluster = new AgentCluster("dc", ClusterMode.Failover, ["primary", "secondary", "tertiary"]);
        var placement = new AgentPlacement(null, "dc", null);
        var agents = new[] { Agent("primary", AgentStatus.Down), Agent("secondary", load: 9), Agent("tertiary"), Agent("outsider") };
        Assert.Equal("secondary", AgentSelector.Select(Job(placement), agents, cluster).AgentName);
    }

    [Fact]
    public void Select_LoadBalanceCluster_TakesLeastLoadedMember()
    {
        var cluster = new AgentCluster("dc", ClusterMode.LoadBalance, ["primary", "secondary"]);
        var agents = new[] { Agent("primary", load: 3), Agent("secondary", load: 1), Agent("outsider") };
        Assert.Equal("secondary", AgentSelector.Select(Job(new AgentPlacement(null, "dc", null)), agents, cluster).AgentName);
    }

    [Fact]
    public void Select_MissingCluster_Waits()
    {
        var selection = AgentSelector.Select(Job(new AgentPlacement(null, "gone", null)), [Agent("a")], null);
        Assert.Equal("waiting for an agent: the connector is pinned to cluster 'gone', which does not exist", selection.WaitReason);
    }

    [Fact]
    public void Select_DefaultAgent_WhenNoSuitableAgentIsUp_ButOnlyIfItIsUp()
    {
        var placement = new AgentPlacement(null, null, "fallback");
        Assert.Equal("fallback", AgentSelector.Select(Job(placement), [Agent("a", AgentStatus.Down), Agent("fallback", capabilities: ["azure"])], null).AgentName);
        var paused = AgentSelector.Select(Job(placement), [Agent("a", AgentStatus.Down), Agent("fallback", AgentStatus.Paused, capabilities: ["azure"])], null);
        Assert.Null(paused.AgentName);
        Assert.Contains("the default agent fallback is Paused", paused.WaitReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_NoAgents_SaysSo()
    {
        Assert.Equal("waiting for an agent: no agent is enrolled", AgentSelector.Select(Job(), [], null).WaitReason);
    }

    [Theory]
    [InlineData("https://sn.example.com/", "sn.example.com")]
    [InlineData("https://10.1.2.3:8443/api", "10.1.2.3")]
    [InlineData("sn.example.com", "sn.example.com")]
    [InlineData("sn.example.com:443", "sn.example.com")]
    [InlineData("10.1.2.3", "10.1.2.3")]
    [InlineData("https://[::1]:5000/", "::1")]
    [InlineData("", null)]
    public void JobTarget_Host_TakesHostFromUrlOrName(string target, string? host)
    {
        Assert.Equal(host, JobTarget.Host(target));
    }
}
