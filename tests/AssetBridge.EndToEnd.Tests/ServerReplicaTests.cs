using System.Security.Cryptography;
using System.Text.Json;
using AssetBridge.Core.Access;
using AssetBridge.Core.Application;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Runs;
using AssetBridge.EndToEnd.Tests.Infrastructure;
using AssetBridge.Emulators.ServiceNow;
using AssetBridge.Storage.PostgreSql;

namespace AssetBridge.EndToEnd.Tests;

/// <summary>
/// Two <c>assetbridge server</c> processes on one PostgreSQL database (one master key), each with remote
/// agents of its own and no embedded agent: both dispatchers place the same queue's jobs, and an agent
/// claims through its own replica what either replica assigned to it.
/// </summary>
public sealed class ServerReplicaTests
{
    private const string Username = "svc_assetbridge";
    private const string Password = "canary-Replica-8e3a41-DO-NOT-LEAK";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [PostgresFact]
    public async Task Two_replicas_on_one_database_dispatch_every_job_exactly_once_and_the_inventory_is_exact()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await using var emulator = await ServiceNowEmulator.StartAsync(new ServiceNowEmulatorOptions
            {
                Devices = 120,
                AdaptersPerDevice = 2,
                Applications = 6,
                Seed = 17,
                Users = [new EmulatorUser(Username, Password, ["cmdb_read"])],
            });
            await using var deployment = await Deployment.CreateAsync();
            deployment.SetEnvironment("ASSETBRIDGE_MASTER_KEY", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            deployment.UseAdminToken(await CreateAdminTokenAsync(deployment, database));

            string[] replica = ["--store", "postgres:" + database, "--no-embedded-agent"];
            await deployment.StartServerAsync(replica);
            var a = deployment.FirstServer;
            var b = await deployment.StartReplicaAsync("server-b", Path.Combine(deployment.Root, "server-b"), replica);
            var agents = new List<CliProcess>();
            foreach (var (server, name) in new[] { (a, "edge-a1"), (a, "edge-a2"), (b, "edge-b1"), (b, "edge-b2") })
            {
                agents.Add((await deployment.StartAgentAsync(server, name, "--capability", "servicenow")).Process);
            }

            await WaitUntilAsync(async () => (await AgentStatusesAsync(deployment, b)).Count(s => s == "up") == 4);

            // The credential is sealed by replica A; replica B opens it for its agents with the same master key.
            (await deployment.RemoteAtAsync(a, Password + "\n", "credential", "add", "servicenow-basic", "--name", "sn-cred", "--username", Username)).Expect(0);
            string[] connectors = ["sn-1", "sn-2", "sn-3", "sn-4"];
            string?[] pins = ["edge-b1", "edge-a1", null, null];
            for (var i = 0; i < connectors.Length; i++)
            {
                string[] pin = pins[i] is { } agent ? ["--agent", agent] : [];
                (await deployment.RemoteAtAsync(a, null, ["connector", "add", "servicenow", "--name", connectors[i], "--instance", emulator.BaseAddress.ToString(), "--credential", "sn-cred", "--page-size", "20", .. pin])).Expect(0);
            }

            // sn-1 starts on A but runs on an agent of B, sn-2 the reverse; sn-3 and sn-4 go to whichever
            // agent each dispatcher finds least loaded. Two rounds, all four connectors at once in each.
            for (var round = 0; round < 2; round++)
            {
                var syncs = connectors.Select((name, i) => deployment.RemoteAtAsync(i % 2 == 0 ? a : b, null, "sync", name, "--full")).ToList();
                foreach (var sync in syncs)
                {
                    (await sync.WaitAsync(Patience)).Expect(0);
                }
            }

            await using (var store = await PostgresStore.OpenAsync(database, TimeProvider.System))
            {
                var runs = await store.Runs.ListAsync(null, 100, CancellationToken.None);
                Assert.Equal(8, runs.Count);
                foreach (var run in runs)
                {
                    Assert.Equal(RunState.Completed, run.State);
                    var jobs = await store.Jobs.ListByRunAsync(run.Id, CancellationToken.None);
                    Assert.NotEmpty(jobs);
                    foreach (var job in jobs)
                    {
                        Assert.True(job.State == JobState.Processed && job.Attempts == 1, $"Job {job.Id} of run {run.Id} ({run.ConnectorName}) is {job.State} after {job.Attempts} claims; every job must be processed on its one claim.");
                    }

                    var pin = pins[Array.IndexOf(connectors, run.ConnectorName)];
                    if (pin is not null)
                    {
                        Assert.All(jobs, job => Assert.Equal(pin, job.AssignedAgent));
                    }
                }
            }

            var devices = emulator.Instance.SysIds("cmdb_ci_computer").Order(StringComparer.Ordinal).ToList();
            var adapters = emulator.Instance.SysIds("cmdb_ci_network_adapter").Order(StringComparer.Ordinal).ToList();
            foreach (var connector in connectors)
            {
                var (deviceIds, adapterIds) = await InventoryAsync(deployment, b, connector);
                Assert.Equal(devices, deviceIds);
                Assert.Equal(adapters, adapterIds);
            }

            Assert.All(agents, agent => Assert.False(agent.HasExited, agent.Output));
            Canary.AssertAbsent(Password, deployment.Root, deployment.Processes);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    /// <summary>
    /// Replicas on PostgreSQL read their tokens from PostgreSQL, so the admin token is made there, as an
    /// operator does: <c>token create --store postgres:…</c>. Opening the store also migrates it before
    /// either replica starts.
    /// </summary>
    private static async Task<string> CreateAdminTokenAsync(Deployment deployment, string database)
    {
        var created = await deployment.LocalAsync(deployment.ServerData, "token", "create", "--role", "admin", "--store", "postgres:" + database);
        created.Expect(0);
        var token = System.Text.RegularExpressions.Regex.Match(created.Output, @"abt_[A-Za-z0-9_\-]+").Value;
        Assert.False(string.IsNullOrEmpty(token), created.Output);
        return token;
    }

    private static async Task<List<string>> AgentStatusesAsync(Deployment deployment, ServerEndpoint server)
    {
        var result = await deployment.RemoteAtAsync(server, null, "agents", "list", "--json");
        result.Expect(0);
        using var document = JsonDocument.Parse(result.Output[result.Output.IndexOf('[', StringComparison.Ordinal)..]);
        return document.RootElement.EnumerateArray().Select(a => a.GetProperty("status").GetString()!).ToList();
    }

    /// <summary>The connector's device and adapter sys_ids, sorted, as the inventory holds them (each must appear once).</summary>
    private static async Task<(List<string> Devices, List<string> Adapters)> InventoryAsync(Deployment deployment, ServerEndpoint server, string connector)
    {
        var result = await deployment.RemoteAtAsync(server, null, "devices", "--json", "--connector", connector);
        result.Expect(0);
        using var document = JsonDocument.Parse(result.Output[result.Output.IndexOf('[', StringComparison.Ordinal)..]);
        var devices = document.RootElement.EnumerateArray().ToList();
        return (
            devices.Select(d => d.GetProperty("sysId").GetString()!).Order(StringComparer.Ordinal).ToList(),
            devices.SelectMany(d => d.GetProperty("networkAdapters").EnumerateArray()).Select(n => n.GetProperty("sysId").GetString()!).Order(StringComparer.Ordinal).ToList());
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold in time.");
            await Task.Delay(200);
        }
    }
}
