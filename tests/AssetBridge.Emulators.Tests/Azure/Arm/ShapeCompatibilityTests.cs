using System.Text.Json;
using AssetBridge.Emulators.Tests.Azure.Support;
using static AssetBridge.Emulators.Tests.Azure.Support.AzureTestEmulator;

namespace AssetBridge.Emulators.Tests.Azure.Arm;

/// <summary>
/// The emulator's bodies answer the field paths a client reads with the same kinds of values as the
/// real examples in shared/fixtures/azure, read by one path helper from both.
/// </summary>
public sealed class ShapeCompatibilityTests
{
    [Fact]
    public async Task Subscriptions_MatchGetSubscriptionsJson()
    {
        await using var emulator = await StartAsync();
        using var client = await ArmClientAsync(emulator);

        var page = await PageAsync(client, SubscriptionsPath);

        AssertSamePaths(
            AzureFixtures.Body("GetSubscriptions.json"),
            page,
            "value[0].id", "value[0].subscriptionId", "value[0].tenantId", "value[0].displayName", "value[0].state",
            "value[0].authorizationSource", "value[0].managedByTenants", "value[0].subscriptionPolicies.quotaId", "value[0].subscriptionPolicies.spendingLimit");
    }

    [Fact]
    public async Task VirtualMachines_MatchTheListAllExample()
    {
        await using var emulator = await StartAsync(o => (o.IrregularPages, o.PageSize) = (false, 5));
        using var client = await ArmClientAsync(emulator);

        var page = await PageAsync(client, VmsPath(emulator.Estate.Subscriptions[0].SubscriptionId));

        AssertSamePaths(
            AzureFixtures.Body("VirtualMachine_ListAll_MaximumSet_Gen.json"),
            page,
            "value[0].id", "value[0].name", "value[0].type", "value[0].location",
            "value[0].properties.vmId", "value[0].properties.hardwareProfile.vmSize",
            "value[0].properties.storageProfile.imageReference.publisher", "value[0].properties.storageProfile.imageReference.offer",
            "value[0].properties.storageProfile.imageReference.sku", "value[0].properties.storageProfile.imageReference.version",
            "value[0].properties.storageProfile.imageReference.exactVersion",
            "value[0].properties.storageProfile.osDisk.osType", "value[0].properties.storageProfile.osDisk.name",
            "value[0].properties.storageProfile.osDisk.managedDisk.id", "value[0].properties.storageProfile.dataDisks",
            "value[0].properties.osProfile.computerName", "value[0].properties.osProfile.adminUsername",
            "value[0].properties.networkProfile.networkInterfaces[0].id", "value[0].properties.networkProfile.networkInterfaces[0].properties.primary",
            "value[0].properties.provisioningState", "value[0].properties.timeCreated", "nextLink");
        Assert.Equal("Microsoft.Compute/virtualMachines", JsonPath.Find(page, "value[0].type")!.Value.GetString());
        Assert.Equal(JsonValueKind.Object, JsonPath.Find(page, "value[0].tags")!.Value.ValueKind);
    }

    [Fact]
    public async Task NetworkInterfaces_MatchNetworkInterfaceListAllJson()
    {
        await using var emulator = await StartAsync(o => o.IrregularPages = false);
        using var client = await ArmClientAsync(emulator);
        var subscription = emulator.Estate.Subscriptions[0].SubscriptionId;
        var withPublicIp = emulator.Estate.Vms.First(v => v.SubscriptionId == subscription && v.PowerState != "deallocated" && v.Nics[0].PublicIpId is not null).Nics[0];

        var (nics, _) = await client.AllPagesAsync(NicsPath(subscription));
        var nic = nics.Single(n => n.Text("id") == withPublicIp.Id);

        AssertSamePaths(
            AzureFixtures.Body("NetworkInterfaceListAll.json").GetProperty("value")[0],
            nic,
            "id", "name", "type", "location", "properties.macAddress", "properties.primary", "properties.virtualMachine.id",
            "properties.ipConfigurations[0].id", "properties.ipConfigurations[0].name",
            "properties.ipConfigurations[0].properties.privateIPAddress", "properties.ipConfigurations[0].properties.privateIPAllocationMethod",
            "properties.ipConfigurations[0].properties.publicIPAddress.id", "properties.ipConfigurations[0].properties.subnet.id",
            "properties.ipConfigurations[0].properties.primary", "properties.ipConfigurations[0].properties.privateIPAddressVersion",
            "properties.dnsSettings.dnsServers", "properties.enableAcceleratedNetworking", "properties.enableIPForwarding");
        Assert.Equal(withPublicIp.MacAddress, nic.Text("properties.macAddress"));
    }

    [Fact]
    public async Task PublicIpAddresses_MatchPublicIpAddressListAllJson()
    {
        await using var emulator = await StartAsync(o => o.IrregularPages = false);
        using var client = await ArmClientAsync(emulator);

        var page = await PageAsync(client, PublicIpsPath(emulator.Estate.Subscriptions[0].SubscriptionId));

        AssertSamePaths(
            AzureFixtures.Body("PublicIpAddressListAll.json").GetProperty("value")[1],
            page.GetProperty("value")[0],
            "id", "name", "type", "location", "properties.ipAddress", "properties.publicIPAddressVersion", "properties.publicIPAllocationMethod",
            "properties.idleTimeoutInMinutes", "properties.ipConfiguration.id", "properties.ddosSettings.protectionMode");
        Assert.Contains("/networkInterfaces/", JsonPath.Find(page, "value[0].properties.ipConfiguration.id")!.Value.GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.JsonAsync();
    }

    private static void AssertSamePaths(JsonElement fixture, JsonElement emulated, params string[] paths)
    {
        foreach (var path in paths)
        {
            var expected = JsonPath.Find(fixture, path);
            var actual = JsonPath.Find(emulated, path);
            Assert.True(expected is not null, $"The fixture lacks {path}; the test names a path the real API does not have.");
            Assert.True(actual is not null, $"The emulator's body lacks {path}.");
            Assert.True(expected!.Value.ValueKind == actual!.Value.ValueKind, $"{path} is {actual.Value.ValueKind} in the emulator's body but {expected.Value.ValueKind} in the fixture.");
        }
    }
}
