using System.Text.Json;
using AssetBridge.Cli.Tests.Infrastructure;
using AssetBridge.Emulators.Azure;
using AssetBridge.Emulators.Estate;

namespace AssetBridge.Cli.Tests.Commands;

/// <summary>The joined inventory through the CLI: both emulators over one estate, real HTTPS to Azure, a real SQLite file.</summary>
public sealed class JoinedInventoryTests
{
    private static readonly CloudEstateOptions TwoSubscriptions = new() { Seed = 11, Subscriptions = 2, VmsPerSubscription = 10 };

    [Fact]
    public async Task Devices_JoinsEveryOverlap_ByItsRule_AndListsUnmanagedAndStaleEntries()
    {
        await using var scenario = await JoinedScenario.StartAsync(TwoSubscriptions);
        (await scenario.RunAsync("sync", "sn", "--full")).Code(0);
        (await scenario.RunAsync("sync", "az")).Code(0);

        var entries = DevicesJson.Parse((await scenario.RunAsync("devices", "--json")).Code(0));

        var vms = scenario.Estate.Vms;
        foreach (var (overlap, rule) in new[] { (EstateOverlap.VmId, "vmId"), (EstateOverlap.ResourceId, "resourceId"), (EstateOverlap.Mac, "mac"), (EstateOverlap.NameIp, "nameIp") })
        {
            var expected = vms.Where(v => v.Overlap == overlap).Select(v => v.ResourceId.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
            var joined = entries.Where(e => e.Str("status") == "managed" && e.GetProperty("match").Str("rule") == rule)
                .Select(e => e.GetProperty("cloud").Str("resourceId")!).Order(StringComparer.Ordinal).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, joined);
        }

        var unmanaged = entries.Where(e => e.Str("status") == "unmanaged").ToList();
        Assert.Equal(vms.Count(v => v.Overlap == EstateOverlap.Unmanaged), unmanaged.Count);
        Assert.All(unmanaged, e => Assert.Equal(JsonValueKind.Null, e.GetProperty("sysId").ValueKind));
        Assert.Equal(scenario.Estate.CmdbTwins.Count(t => t.Overlap == EstateOverlap.Stale), entries.Count(e => e.Str("status") == "stale"));
        Assert.Equal(20, entries.Count(e => e.Str("status") == "cmdb-only"));

        var mac = entries.First(e => e.GetProperty("match").ValueKind == JsonValueKind.Object && e.GetProperty("match").Str("rule") == "mac");
        Assert.Matches("^([0-9a-f]{2}:){5}[0-9a-f]{2}$", mac.GetProperty("match").Str("value"));
        var cloud = mac.GetProperty("cloud");
        Assert.All(new[] { "subscriptionId", "resourceGroup", "location", "size", "osType", "vmId" }, p => Assert.False(string.IsNullOrEmpty(cloud.Str(p)), p));
        Assert.NotEmpty(cloud.GetProperty("privateIps").EnumerateArray());

        var withPublicIp = vms.Count(v => v.Nics.Any(n => n.PublicIpAddress is not null));
        Assert.Equal(withPublicIp, entries.Count(e => e.GetProperty("cloud").ValueKind == JsonValueKind.Object && e.GetProperty("exposure").GetProperty("internetFacing").GetBoolean()));
    }

    [Fact]
    public async Task Exposure_ListsInternetFacingEntries_MostCriticalFirst()
    {
        await using var scenario = await JoinedScenario.StartAsync(TwoSubscriptions);
        (await scenario.RunAsync("sync", "sn", "--full")).Code(0);
        (await scenario.RunAsync("sync", "az")).Code(0);

        var exposed = DevicesJson.Parse((await scenario.RunAsync("exposure", "--json")).Code(0));
        var table = (await scenario.RunAsync("exposure")).Code(0);

        Assert.NotEmpty(exposed);
        Assert.All(exposed, e => Assert.True(e.GetProperty("exposure").GetProperty("internetFacing").GetBoolean()));
        var levels = exposed.Select(e => e.GetProperty("criticalityLevel").ValueKind == JsonValueKind.Number ? e.GetProperty("criticalityLevel").GetInt32() : int.MaxValue).ToList();
        Assert.Equal(levels.Order().ToList(), levels);
        Assert.Contains($"{exposed.Count} internet-facing entries.", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedSubscription_NeverMarksItsVmsDeleted_NorTheirCmdbRecordsStale_UntilItsListingCompletes()
    {
        await using var scenario = await JoinedScenario.StartAsync(TwoSubscriptions);
        (await scenario.RunAsync("sync", "sn", "--full")).Code(0);
        (await scenario.RunAsync("sync", "az")).Code(0);
        var first = scenario.Estate.Subscriptions[0].SubscriptionId;
        var second = scenario.Estate.Subscriptions[1].SubscriptionId;
        var goneFromFirst = scenario.Estate.Vms.First(v => v.SubscriptionId == first && v.Overlap == EstateOverlap.VmId);
        var goneFromSecond = scenario.Estate.Vms.First(v => v.SubscriptionId == second && v.Overlap == EstateOverlap.VmId);
        Assert.True(scenario.Azure.Controls.RemoveVm(goneFromFirst.ResourceId));
        Assert.True(scenario.Azure.Controls.RemoveVm(goneFromSecond.ResourceId));

        // The second subscription's listing now fails: its VMs stay, and so do their CMDB records' status.
        scenario.Azure.Controls.ScriptFault(AzureFault.ServerError500, count: 1000, pathPrefix: $"/subscriptions/{second}/");
        var failed = await scenario.RunAsync("sync", "az");
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Equal("stale", StatusOf(await DevicesAsync(scenario), goneFromFirst));
        Assert.Equal("managed", StatusOf(await DevicesAsync(scenario), goneFromSecond));

        scenario.Azure.Controls.ClearFaults();
        (await scenario.RunAsync("sync", "az")).Code(0);
        Assert.Equal("stale", StatusOf(await DevicesAsync(scenario), goneFromSecond));
    }

    [Fact]
    public async Task TheClientSecret_NeverReachesOutputOrTheDataDirectory()
    {
        await using var scenario = await JoinedScenario.StartAsync(TwoSubscriptions);
        (await scenario.RunAsync("sync", "az", "--verbose")).Code(0);
        (await scenario.RunAsync("connector", "test", "az")).Code(0);
        (await scenario.RunAsync("credential", "list", "--json")).Code(0);

        Assert.DoesNotContain(JoinedScenario.ClientSecret, scenario.Sandbox.Transcript.ToString(), StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(scenario.Sandbox.DataDirectory, "*", SearchOption.AllDirectories))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.False(bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(JoinedScenario.ClientSecret)) >= 0, $"The secret is in clear in {file}.");
        }
    }

    [Fact]
    public async Task ConnectorAddAzure_RefusesAServiceNowCredential_AndABadSubscription_WithASentence()
    {
        await using var scenario = await JoinedScenario.StartAsync(TwoSubscriptions);

        var wrongKind = await scenario.RunAsync("connector", "add", "azure", "--name", "az2", "--credential", "sn-cred");
        var badSubscription = await scenario.RunAsync("connector", "add", "azure", "--name", "az3", "--credential", "az-cred", "--subscription", "prod");

        wrongKind.Code(2).OneSentenceError("servicenow-basic credential", "azure connector cannot use");
        Assert.NotEqual(0, badSubscription.ExitCode);
        Assert.Contains("prod", badSubscription.Error, StringComparison.Ordinal);
    }

    private static async Task<List<JsonElement>> DevicesAsync(JoinedScenario scenario) =>
        DevicesJson.Parse((await scenario.RunAsync("devices", "--json")).Code(0));

    private static string? StatusOf(List<JsonElement> entries, EstateVm vm)
    {
        var twin = entries.Single(e => e.Str("name") is { } name && string.Equals(name, vm.ComputerName, StringComparison.OrdinalIgnoreCase) && e.Str("sysId") is not null);
        return twin.Str("status");
    }
}
