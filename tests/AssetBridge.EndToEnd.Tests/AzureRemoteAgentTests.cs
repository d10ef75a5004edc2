using System.Text.Json;
using AssetBridge.EndToEnd.Tests.Infrastructure;
using AssetBridge.Emulators.Azure;
using AssetBridge.Emulators.Estate;

namespace AssetBridge.EndToEnd.Tests;

/// <summary>
/// Azure discovery through the same queue, selector, sealed credentials and executor as ServiceNow: a
/// server without an embedded agent, a remote agent with the azure capability, the Azure emulator over
/// HTTPS trusted through configuration, and the CLI in remote mode.
/// </summary>
public sealed class AzureRemoteAgentTests
{
    private const string ClientSecret = "canary8Q~Remote-Azure-e41f-DO-NOT-LEAK";

    [Fact]
    public async Task A_remote_agent_lists_every_subscription_with_a_sealed_secret_that_never_appears_in_clear()
    {
        await using var azure = await AzureEmulator.StartAsync(new AzureEmulatorOptions
        {
            Estate = new CloudEstateOptions { Seed = 4, Subscriptions = 3, VmsPerSubscription = 12 },
            PageSize = 5,
            Principals = [new AzureEmulatorPrincipal(AzureEmulatorOptions.DefaultClientId, ClientSecret)],
        });
        await using var deployment = await DeployAsync(azure);
        var (agent, _) = await deployment.StartAgentAsync("cloud-1", "--capability", "azure");
        await AddConnectorAsync(deployment, azure);
        (await deployment.RemoteAsync("sync", "az")).Expect(0);

        var entries = await EntriesAsync(deployment);
        var expected = azure.Estate.Vms.Select(v => v.ResourceId.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, entries.Select(e => e.GetProperty("cloud").GetProperty("resourceId").GetString()!).Order(StringComparer.Ordinal).ToList());
        Assert.All(entries, e => Assert.Equal("unmanaged", e.GetProperty("status").GetString()));
        Assert.Equal(0, azure.Stats.Throttled);
        Assert.False(agent.HasExited, agent.Output);
        Assert.Contains("ListNodes", agent.Output, StringComparison.Ordinal);

        Canary.AssertAbsent(ClientSecret, deployment.Root, deployment.Processes);
    }

    [Fact]
    public async Task Without_an_agent_that_can_run_azure_jobs_the_run_waits_with_a_reason_in_runs_until_one_enrols()
    {
        await using var azure = await AzureEmulator.StartAsync(new AzureEmulatorOptions
        {
            Estate = new CloudEstateOptions { Seed = 5, Subscriptions = 2, VmsPerSubscription = 4 },
            Principals = [new AzureEmulatorPrincipal(AzureEmulatorOptions.DefaultClientId, ClientSecret)],
        });
        await using var deployment = await DeployAsync(azure);
        await deployment.StartAgentAsync("cmdb-only", "--capability", "servicenow");
        await AddConnectorAsync(deployment, azure);

        var sync = deployment.RemoteAsync("sync", "az");
        CommandResult runs;
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        do
        {
            Assert.True(DateTime.UtcNow < deadline, "No wait reason appeared in 'runs'.");
            await Task.Delay(200);
            runs = await deployment.RemoteAsync("runs");
        }
        while (!runs.Output.Contains("waiting:", StringComparison.Ordinal));

        Assert.Contains("cmdb-only", runs.Output, StringComparison.Ordinal);
        var shown = await deployment.RemoteAsync("runs", "show", "1");
        shown.Expect(0);
        Assert.Contains("azure-resources-1.0-GetSubscriptions", shown.Output, StringComparison.Ordinal);
        Assert.Contains("cmdb-only", shown.Output, StringComparison.Ordinal);

        await deployment.StartAgentAsync("cloud-1", "--capability", "azure");
        (await sync.WaitAsync(TimeSpan.FromMinutes(2))).Expect(0);
        Assert.Equal(azure.Estate.Vms.Count, (await EntriesAsync(deployment)).Count);
    }

    /// <summary>A server without an embedded agent, trusting the emulator's certificate through ASSETBRIDGE_EXTRA_CA_FILE.</summary>
    private static async Task<Deployment> DeployAsync(AzureEmulator azure)
    {
        var deployment = await Deployment.CreateAsync();
        var pem = Path.Combine(deployment.Root, "azure-emulator.pem");
        await File.WriteAllTextAsync(pem, azure.CertificatePem);
        deployment.SetEnvironment("ASSETBRIDGE_EXTRA_CA_FILE", pem);
        await deployment.StartServerAsync("--no-embedded-agent");
        return deployment;
    }

    /// <summary>The azure-sp credential (secret on stdin) and the connector "az" pointed at the emulator, through the remote CLI.</summary>
    private static async Task AddConnectorAsync(Deployment deployment, AzureEmulator azure)
    {
        (await deployment.RemoteWithInputAsync(ClientSecret + "\n", "credential", "add", "azure-sp", "--name", "az-cred", "--tenant-id", azure.TenantId, "--client-id", AzureEmulatorOptions.DefaultClientId)).Expect(0);
        (await deployment.RemoteAsync("connector", "add", "azure", "--name", "az", "--credential", "az-cred", "--authority-host", azure.AuthorityHost.ToString(), "--arm-endpoint", azure.ArmEndpoint.ToString())).Expect(0);
    }

    private static async Task<List<JsonElement>> EntriesAsync(Deployment deployment)
    {
        var devices = await deployment.RemoteAsync("devices", "--json");
        devices.Expect(0);
        using var document = JsonDocument.Parse(devices.Output[devices.Output.IndexOf('[', StringComparison.Ordinal)..]);
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
