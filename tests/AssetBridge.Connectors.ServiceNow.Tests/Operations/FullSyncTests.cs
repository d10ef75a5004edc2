using AssetBridge.Connectors.ServiceNow.Settings;
using AssetBridge.Connectors.ServiceNow.Tests.Support;
using AssetBridge.Core.Ingestion;
using AssetBridge.Core.Inventory;
using AssetBridge.Emulators.ServiceNow;

namespace AssetBridge.Connectors.ServiceNow.Tests.Operations;

public class FullSyncTests
{
    private static readonly Core.Credentials.OpenedCredential Reader = TestCredentials.Basic("assetbridge", "assetbridge");

    [Fact]
    public async Task FullSync_ReadsEveryVisibleRowOnce_WhenAclsShortenPagesAndHideWholeWindows()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 120, AdaptersPerDevice = 0, Applications = 0, HiddenFraction = 0.45, Seed = 3 });
        using var harness = SyncHarness.Create();
        var all = emulator.Instance.SysIds("cmdb_ci_computer").ToList();
        var visible = all.Where(id => !emulator.Instance.IsHidden(id)).ToList();
        const int pageSize = 3;
        Assert.False(all.Take(pageSize).All(emulator.Instance.IsHidden));
        Assert.True(LongestHiddenRun(all, emulator.Instance.IsHidden) >= 2 * pageSize, "the data must hide whole pages for this test to mean anything");

        var (outcome, results) = await harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, Reader, new ServiceNowConnectorSettings { PageSize = pageSize });

        Assert.Equal(visible, results.SysIds());
        Assert.Equal(visible.Count, outcome.Records);
        Assert.Equal(all.Count, outcome.SourceTotal);
        Assert.Equal(all.Count - visible.Count, outcome.Hidden);
        Assert.Equal(results.Batches.Count, outcome.Pages);
        var requests = emulator.Stats.RecentRequests.Where(r => r.Path.Contains("cmdb_ci_computer", StringComparison.Ordinal)).ToList();
        Assert.Contains(requests, r => r.Parameter("sysparm_offset") is not null);
        Assert.Null(requests[0].Parameter("sysparm_no_count"));
        Assert.All(requests, r => Assert.Equal("true", r.Parameter("sysparm_exclude_reference_link")));
        Assert.All(requests.Skip(1).Where(r => r.Parameter("sysparm_offset") is null), r => Assert.Equal("true", r.Parameter("sysparm_no_count")));
    }

    [Fact]
    public async Task FullSync_ReadsEveryTable_AndOnlyApplicationRelationships()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 40, AdaptersPerDevice = 2, Applications = 6, Seed = 3 });
        using var harness = SyncHarness.Create();
        var settings = new ServiceNowConnectorSettings { PageSize = 7 };
        var instance = emulator.Instance;
        var applications = instance.SysIds("cmdb_ci_business_app").ToHashSet();
        var applicationLinks = instance.SysIds("cmdb_rel_ci")
            .Where(id => instance.Get("cmdb_rel_ci", id) is { } r && (applications.Contains(r["parent"]!) || applications.Contains(r["child"]!)))
            .ToList();
        Assert.NotEqual(instance.Count("cmdb_rel_ci"), applicationLinks.Count);

        var devices = await harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, Reader, settings);
        var adapters = await harness.SyncAsync(emulator.BaseAddress, EntityKind.NetworkAdapter, Reader, settings);
        var apps = await harness.SyncAsync(emulator.BaseAddress, EntityKind.BusinessApplication, Reader, settings);
        var links = await harness.SyncAsync(emulator.BaseAddress, EntityKind.Relationship, Reader, settings);

        Assert.Equal(instance.SysIds("cmdb_ci_computer"), devices.Results.SysIds());
        Assert.Equal(instance.SysIds("cmdb_ci_network_adapter"), adapters.Results.SysIds());
        Assert.Equal(instance.SysIds("cmdb_ci_business_app"), apps.Results.SysIds());
        Assert.Equal(applicationLinks, links.Results.SysIds());
        Assert.Equal(applicationLinks.Count, links.Outcome.SourceTotal);
    }

    [Fact]
    public async Task FullSync_MapsTheEmulatorsColumnsOntoDevices()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 5, AdaptersPerDevice = 1, Applications = 2, Seed = 9 });
        using var harness = SyncHarness.Create();
        var firstId = emulator.Instance.SysIds("cmdb_ci_computer").First();
        var source = emulator.Instance.Get("cmdb_ci_computer", firstId)!;

        var (_, results) = await harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, Reader);
        var (_, adapters) = await harness.SyncAsync(emulator.BaseAddress, EntityKind.NetworkAdapter, Reader);
        var device = results.Batches.OfType<DeviceBatch>().SelectMany(b => b.Items).First();
        var adapter = adapters.Batches.OfType<NetworkAdapterBatch>().SelectMany(b => b.Items).First();

        Assert.Equal(firstId, device.SysId);
        Assert.Equal(NullIfEmpty(source["name"]), device.Name);
        Assert.Equal(NullIfEmpty(source["os"]), device.Os);
        Assert.Equal(NullIfEmpty(source["sys_updated_on"]), device.SysUpdatedOn);
        Assert.Equal(NullIfEmpty(source["business_criticality"]), device.ServiceNowCriticality);
        Assert.Equal(source["virtual"] switch { "true" => true, "false" => false, _ => null }, device.Virtual);
        Assert.Equal(NullIfEmpty(emulator.Instance.Get("cmdb_ci_network_adapter", adapter.SysId)!["cmdb_ci"]), adapter.DeviceSysId);
        Assert.Matches("^[0-9a-f]{32}$", adapter.DeviceSysId);
    }

    [Fact]
    public async Task FullSync_ReachesTheGreatestUpdateAndSysId_SoAnIncrementalCanFollow()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 30, AdaptersPerDevice = 0, Applications = 0, Seed = 2 });
        using var harness = SyncHarness.Create();
        var expected = emulator.Instance.SysIds("cmdb_ci_computer")
            .Select(id => new Watermark(emulator.Instance.Get("cmdb_ci_computer", id)!["sys_updated_on"]!, id))
            .Max();

        var (outcome, _) = await harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, Reader, new ServiceNowConnectorSettings { PageSize = 6 });

        Assert.Equal(expected, outcome.Watermark);
    }

    [Fact]
    public async Task FullSync_EndsWithNoRows_WhenTheTableIsEmpty()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 0, Applications = 0 });
        using var harness = SyncHarness.Create();

        var (outcome, results) = await harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, Reader);

        Assert.Equal(0, outcome.Records);
        Assert.Equal(0, outcome.SourceTotal);
        Assert.Null(outcome.Watermark);
        Assert.Empty(results.Batches);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static int LongestHiddenRun(IEnumerable<string> ids, Func<string, bool> hidden)
    {
        int longest = 0, run = 0;
        foreach (var id in ids)
        {
            run = hidden(id) ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
