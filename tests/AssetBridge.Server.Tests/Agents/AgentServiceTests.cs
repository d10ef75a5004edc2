using AssetBridge.Core.Access;
using AssetBridge.Core.Agents;
using AssetBridge.Core.Errors;

namespace AssetBridge.Server.Tests.Agents;

public sealed class AgentServiceTests
{
    [Fact]
    public async Task UnknownAgent_IsNotFound_NamingAgentsList()
    {
        await using var server = await AgentServer.StartAsync();
        foreach (var action in new Func<Task>[]
        {
            () => server.Agents.ApproveAsync("ghost", default),
            () => server.Agents.PauseAsync("ghost", default),
            () => server.Agents.ResumeAsync("ghost", default),
            () => server.Agents.RemoveAsync("ghost", default),
            () => server.Agents.RekeyAsync("ghost", default),
            () => server.Agents.SaveClusterAsync("dc", ClusterMode.Failover, ["ghost"], default),
        })
        {
            var error = await Assert.ThrowsAsync<AssetBridgeException>(action);
            Assert.Equal(ErrorKind.NotFound, error.Kind);
            Assert.Contains("assetbridge agents list", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EnrollmentToken_IsStoredHashed_WithItsExpiryAndApproval()
    {
        await using var server = await AgentServer.StartAsync();
        var token = await server.Agents.CreateEnrollmentTokenAsync(TimeSpan.FromMinutes(30), autoApprove: true, default);
        Assert.StartsWith("abe_", token, StringComparison.Ordinal);
        var stored = Assert.Single(await server.Store.Tokens.ListAsync([TokenKind.Enrollment], default));
        Assert.Equal(BearerToken.Hash(token), stored.Hash);
        Assert.True(stored.AutoApprove);
        Assert.Equal(server.Clock.GetUtcNow().AddMinutes(30).ToUnixTimeSeconds(), stored.ExpiresAt!.Value.ToUnixTimeSeconds(), tolerance: 2);
        await Assert.ThrowsAsync<AssetBridgeException>(() => server.Agents.CreateEnrollmentTokenAsync(TimeSpan.FromDays(31), false, default));
    }

    [Fact]
    public async Task Clusters_AreSavedInOrder_ListedAndRemoved()
    {
        await using var server = await AgentServer.StartAsync();
        await server.EnrollAsync("edge-1");
        await server.EnrollAsync("edge-2");
        await server.Agents.SaveClusterAsync("dc", ClusterMode.LoadBalance, ["edge-2", "edge-1"], default);
        var cluster = Assert.Single(await server.Agents.ListClustersAsync(default));
        Assert.Equal(["edge-2", "edge-1"], cluster.Members);
        Assert.Equal(ClusterMode.LoadBalance, cluster.Mode);
        await server.Agents.RemoveClusterAsync("dc", default);
        Assert.Empty(await server.Agents.ListClustersAsync(default));
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<AssetBridgeException>(() => server.Agents.RemoveClusterAsync("dc", default))).Kind);
    }
}
