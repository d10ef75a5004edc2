using System.Text.Json;
using AssetBridge.Emulators.Estate;
using AssetBridge.Emulators.ServiceNow;
using AssetBridge.Emulators.Tests.Azure.Support;
using SnEmulator = AssetBridge.Emulators.Tests.ServiceNow.Support.Emulator;

namespace AssetBridge.Emulators.Tests.Estate;

/// <summary>
/// Both emulators on one estate: what a client reads from ARM and from the Table API joins exactly
/// as the estate says, key by key, so connector and correlation tests can count on it.
/// </summary>
public sealed class EstateJoinTests
{
    [Fact]
    public async Task AzureAndServiceNow_OverlapExactlyAsTheEstateSays()
    {
        var estate = CloudEstate.Generate(new CloudEstateOptions { Seed = 11, Subscriptions = 2, VmsPerSubscription = 30 });
        await using var azure = await AzureTestEmulator.StartAsync(o => (o.CloudEstate, o.PageSize) = (estate, 9));
        await using var servicenow = await ServiceNowEmulator.StartAsync(new ServiceNowEmulatorOptions { Devices = 40, CloudEstate = estate });
        using var arm = await AzureTestEmulator.ArmClientAsync(azure);
        using var table = SnEmulator.Client(servicenow);

        var vms = new List<JsonElement>();
        var nics = new List<JsonElement>();
        foreach (var subscription in estate.Subscriptions)
        {
            vms.AddRange((await arm.AllPagesAsync(AzureTestEmulator.VmsPath(subscription.SubscriptionId))).Items);
            nics.AddRange((await arm.AllPagesAsync(AzureTestEmulator.NicsPath(subscription.SubscriptionId))).Items);
        }

        var instances = await SnEmulator.AllRowsAsync(table, "cmdb_ci_vm_instance");
        var adapters = await SnEmulator.AllRowsAsync(table, "cmdb_ci_network_adapter");
        var computers = (await SnEmulator.AllRowsAsync(table, "cmdb_ci_computer")).ToDictionary(c => SnEmulator.Text(c, "sys_id"));

        var vmIds = vms.Select(v => v.Text("properties.vmId")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var resourceIds = vms.Select(v => v.Text("id")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var macs = nics.Select(n => JsonPath.Find(n, "properties.macAddress")?.GetString()).OfType<string>()
            .Select(m => m.Replace('-', ':').ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var guestByIp = nics.SelectMany(n => n.GetProperty("properties").GetProperty("ipConfigurations").EnumerateArray()
                .Select(c => (Ip: c.Text("properties.privateIPAddress"), Vm: n.Text("properties.virtualMachine.id"))))
            .ToDictionary(p => p.Ip, p => vms.Single(v => v.Text("id") == p.Vm).Text("properties.osProfile.computerName"));

        var byVmId = instances.Count(i => vmIds.Contains(SnEmulator.Text(i, "vm_inst_id")));
        var byResourceIdOnly = instances.Count(i => SnEmulator.Text(i, "vm_inst_id").Length == 0 && resourceIds.Contains(SnEmulator.Text(i, "object_id")));
        var stale = instances.Count(i => !resourceIds.Contains(SnEmulator.Text(i, "object_id")));
        var byMac = adapters.Count(a => macs.Contains(SnEmulator.Text(a, "mac_address")));
        var byNameAndIp = adapters.Count(a => guestByIp.TryGetValue(SnEmulator.Text(a, "ip_address"), out var guest)
            && string.Equals(SnEmulator.Text(computers[SnEmulator.Text(a, "cmdb_ci")], "name").Split('.')[0], guest, StringComparison.OrdinalIgnoreCase));

        Assert.Equal(2 * 9, byVmId);
        Assert.Equal(2 * 3, byResourceIdOnly);
        Assert.Equal(2 * 6, byMac);
        Assert.Equal(2 * 3, byNameAndIp);
        Assert.Equal(2, stale);
        Assert.Equal(estate.Vms.Count(v => v.Overlap == EstateOverlap.Unmanaged), vms.Count - byVmId - byResourceIdOnly - byMac - byNameAndIp);
    }
}
