using AssetBridge.Core.Application;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Runs;
using AssetBridge.Emulators.ServiceNow;
using AssetBridge.Server.Agents;
using AssetBridge.Server.Composition;
using Microsoft.Extensions.DependencyInjection;

namespace AssetBridge.Server.Tests.Agents;

public sealed class RemoteAgentSyncTests
{
    private const string Username = "svc_assetbridge";

    [Fact]
    public async Task FullSync_ThroughARemoteAgentOverHttps_IngestsTheWholeCmdb_AndTheSecretStaysSealed()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new ServiceNowEmulatorOptions
        {
            Devices = 60,
            AdaptersPerDevice = 2,
            Applications = 6,
            Seed = 7,
            Users = [new EmulatorUser(Username, AgentServer.Canary, ["cmdb_read"])],
        });
        await using var server = await AgentServer.StartAsync(credentialType: CredentialTypes.ServiceNowBasic, username: Username);
        using var modules = ConnectorModules.Create(server.Clock, server.LoggerFactory, _ => null);
        var (target, settings) = ConnectorModules.DescribeServiceNow(emulator.BaseAddress.ToString(), null, [], null, null);
        var connector = await server.Store.Connectors.AddAsync(new NewConnector("sn-remote", ConnectorKinds.ServiceNow, target, server.CredentialId, settings), server.Clock.GetUtcNow(), default);
        var directory = await server.EnrollAsync("edge-1");
        server.Run(directory, modules.Operations, modules.AuthenticatorProviders, o => o.Concurrency = 4);

        var sync = new SyncService(server.Store, modules.Planners, server.Finalizer, server.Clock);
        var started = await sync.StartAsync(connector, SyncMode.Full, default);
        server.Services.GetRequiredService<DispatchSignal>().Pulse();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = await sync.WaitAsync(started.Run.Id, null, TimeSpan.FromMilliseconds(50), timeout.Token);

        Assert.True(run.State == RunState.Completed, run.Error);
        var jobs = await server.Store.Jobs.ListByRunAsync(run.Id, default);
        Assert.All(jobs, j => Assert.Equal("edge-1", j.AssignedAgent));
        var counts = await server.Store.Inventory.CountAsync(connector.Id, default);
        Assert.Equal(emulator.Instance.Count("cmdb_ci_computer"), counts.Devices);
        Assert.Equal(counts.Devices * 2, counts.NetworkAdapters);
        Assert.DoesNotContain(AgentServer.Canary, server.Bodies.All, StringComparison.Ordinal);
        Assert.DoesNotContain(AgentServer.Canary, server.Logs.All, StringComparison.Ordinal);
    }
}
