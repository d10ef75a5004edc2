using System.Text.Json;
using AssetBridge.EndToEnd.Tests.Infrastructure;
using AssetBridge.Emulators.ServiceNow;

namespace AssetBridge.EndToEnd.Tests;

/// <summary>
/// The whole control plane as an operator runs it: a server process, agent processes enrolled with
/// one-time tokens, the CLI in remote mode, and a ServiceNow emulator — real HTTPS over loopback.
/// </summary>
public sealed class RemoteAgentTests
{
    private const string Username = "svc_assetbridge";
    private const string Password = "canary-Remote-5d19b2-DO-NOT-LEAK";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_remote_agent_runs_the_sync_with_a_sealed_credential_and_the_secret_never_appears_in_clear()
    {
        await using var emulator = await StartEmulatorAsync(devices: 120);
        await using var deployment = await Deployment.CreateAsync();
        await deployment.StartServerAsync();
        var (agent, _) = await deployment.StartAgentAsync("edge-1", "--capability", "servicenow", "--ip-range", "127.0.0.0/8");
        await AddConnectorAsync(deployment, emulator, "--agent", "edge-1", "--page-size", "50");

        var sync = await deployment.RemoteAsync("sync", "sn", "--full");
        sync.Expect(0);

        var devices = await DeviceSysIdsAsync(deployment);
        Assert.Equal(emulator.Instance.Count("cmdb_ci_computer"), devices.Count);
        Assert.Equal(devices.Count, devices.Distinct(StringComparer.Ordinal).Count());
        var runs = await deployment.RemoteAsync("runs", "--json");
        runs.Expect(0);
        Assert.Contains("\"completed\"", runs.Output, StringComparison.OrdinalIgnoreCase);

        Canary.AssertAbsent(Password, deployment.Root, deployment.Processes);
        Assert.False(agent.HasExited, agent.Output);
    }

    [Fact]
    public async Task An_agent_killed_mid_job_has_its_jobs_rehomed_and_the_inventory_lands_exactly_once()
    {
        await using var emulator = await StartEmulatorAsync(devices: 150);
        emulator.Instance.SlowResponseDelay = TimeSpan.FromMilliseconds(400);
        emulator.Instance.EnqueueFaults(Enumerable.Repeat(EmulatorFault.SlowResponse, 60));
        await using var deployment = await Deployment.CreateAsync();
        await deployment.StartServerAsync("--agent-down-after", "3s");
        var (first, _) = await deployment.StartAgentAsync("edge-1", "--capability", "servicenow");
        var (second, _) = await deployment.StartAgentAsync("edge-2", "--capability", "servicenow");
        (await deployment.RemoteAsync("agents", "cluster", "add", "edges", "--mode", "failover", "--member", "edge-1", "--member", "edge-2")).Expect(0);
        await AddConnectorAsync(deployment, emulator, "--cluster", "edges", "--page-size", "10");

        var sync = deployment.RemoteAsync("sync", "sn", "--full");
        // Failover order puts every job on edge-1 first; kill it once it holds one.
        await WaitUntilAsync(async () => (await deployment.RemoteAsync("runs", "--json")).Output.Contains("running", StringComparison.OrdinalIgnoreCase));
        await WaitUntilAsync(async () => emulator.Stats.TotalRequests > 3);
        first.Kill();

        (await sync.WaitAsync(Patience)).Expect(0);
        var devices = await DeviceSysIdsAsync(deployment);
        Assert.Equal(emulator.Instance.Count("cmdb_ci_computer"), devices.Count);
        Assert.Equal(devices.Count, devices.Distinct(StringComparer.Ordinal).Count());
        Assert.False(second.HasExited, second.Output);
        Canary.AssertAbsent(Password, deployment.Root, deployment.Processes);
    }

    [Fact]
    public async Task A_wrong_pinned_thumbprint_is_refused_with_a_sentence_naming_both()
    {
        await using var deployment = await Deployment.CreateAsync();
        await deployment.StartServerAsync();
        var wrong = new string('A', 64);
        var (code, output) = await CliProcess.RunAsync(
            new Dictionary<string, string?>(),
            null,
            "runs", "--server", deployment.ServerUrl.ToString(), "--token", deployment.AdminToken, "--server-thumbprint", wrong);
        Assert.NotEqual(0, code);
        Assert.Contains(deployment.Thumbprint, output, StringComparison.OrdinalIgnoreCase);

        var enroll = await CliProcess.RunAsync(
            new Dictionary<string, string?>(),
            null,
            "agent", "enroll", "--server", deployment.ServerUrl.ToString(), "--enrollment-token", "abe_x", "--name", "edge-x",
            "--server-thumbprint", wrong, "--data-dir", Path.Combine(deployment.Root, "agent-x"));
        Assert.NotEqual(0, enroll.Code);
        Assert.Contains(deployment.Thumbprint, enroll.Output, StringComparison.OrdinalIgnoreCase);
    }

    private static Task<ServiceNowEmulator> StartEmulatorAsync(int devices) =>
        ServiceNowEmulator.StartAsync(new ServiceNowEmulatorOptions
        {
            Devices = devices,
            AdaptersPerDevice = 2,
            Applications = 6,
            Seed = 11,
            Users = [new EmulatorUser(Username, Password, ["cmdb_read"])],
        });

    private static async Task AddConnectorAsync(Deployment deployment, ServiceNowEmulator emulator, params string[] options)
    {
        (await deployment.RemoteWithInputAsync(Password + "\n", "credential", "add", "servicenow-basic", "--name", "sn-cred", "--username", Username)).Expect(0);
        (await deployment.RemoteAsync(["connector", "add", "servicenow", "--name", "sn", "--instance", emulator.BaseAddress.ToString(), "--credential", "sn-cred", .. options])).Expect(0);
    }

    private static async Task<List<string>> DeviceSysIdsAsync(Deployment deployment)
    {
        var result = await deployment.RemoteAsync("devices", "--json");
        result.Expect(0);
        var json = result.Output[result.Output.IndexOf('[', StringComparison.Ordinal)..];
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(d => d.GetProperty("sysId").GetString()!).ToList();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold in time.");
            await Task.Delay(100);
        }
    }
}
