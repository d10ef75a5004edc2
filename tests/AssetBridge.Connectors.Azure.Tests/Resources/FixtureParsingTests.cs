using System.Text.Json;
using AssetBridge.Connectors.Azure.Arm;
using AssetBridge.Connectors.Azure.Resources;
using AssetBridge.Connectors.Azure.Tests.Support;
using AssetBridge.Core.Inventory;

namespace AssetBridge.Connectors.Azure.Tests.Resources;

/// <summary>Every ARM example in shared/fixtures/azure parses, and the records built from them carry what they should.</summary>
public class FixtureParsingTests
{
    private const string Sub = "subid";

    public static TheoryData<string> ArmExamples() => new(Fixtures.AllJson.Where(f => !f.StartsWith("entra_", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(ArmExamples))]
    public void EveryArmExample_ParsesAsAPage_WithTheSameNumberOfItems(string file)
    {
        var body = Fixtures.ResponseBody(file);
        using var document = JsonDocument.Parse(body);
        var expected = document.RootElement.GetProperty("value").GetArrayLength();
        var harness = new ArmHarness(_ => StubHandler.Json(System.Net.HttpStatusCode.OK, body));

        var count = file switch
        {
            "GetSubscriptions.json" => Parse(harness, body, ArmJsonContext.Default.ArmListSubscriptionItem),
            var f when f.StartsWith("VirtualMachine", StringComparison.Ordinal) => Parse(harness, body, ArmJsonContext.Default.ArmListVirtualMachineItem),
            var f when f.StartsWith("NetworkInterface", StringComparison.Ordinal) => Parse(harness, body, ArmJsonContext.Default.ArmListNetworkInterfaceItem),
            var f when f.StartsWith("PublicIp", StringComparison.Ordinal) => Parse(harness, body, ArmJsonContext.Default.ArmListPublicIpAddressItem),
            _ => throw new InvalidOperationException($"No parser for {file}; add it here."),
        };

        Assert.Equal(expected, count);
    }

    [Fact]
    public void Subscriptions_KeepTheirIdsStatesAndTheOddNextLink()
    {
        var page = JsonSerializer.Deserialize(Fixtures.ResponseBody("GetSubscriptions.json"), ArmJsonContext.Default.ArmListSubscriptionItem)!;

        Assert.Equal("http://nextlink", page.NextLink);
        Assert.Equal(["291bba3f-e0a5-47bc-a099-3bdcb2a50a05", "72ac930a-f34e-42d8-b06d-dc2a9e12ed71"], page.Value!.Select(s => s!.SubscriptionId));
        Assert.All(page.Value!, s => Assert.Equal("Enabled", s!.State));
    }

    [Fact]
    public void MaximumSetVm_BecomesARecordWithImageOsSizeAndComputerName_AndKeepsNextLinkA()
    {
        var page = JsonSerializer.Deserialize(Fixtures.ResponseBody("VirtualMachine_ListAll_MaximumSet_Gen.json"), ArmJsonContext.Default.ArmListVirtualMachineItem)!;

        var records = CloudVmMapper.ToRecords(page.Value!, Sub, new NetworkIndex(), null);

        Assert.Equal("a", page.NextLink);
        var vm = Assert.Single(records); // both items share one placeholder id; the key keeps one
        Assert.Equal("/subscriptions/{subscriptionid}/resourcegroups/{resourcegroupname}/providers/microsoft.compute/virtualmachines/{virtualmachinename}", vm.ResourceId);
        Assert.Equal("{virtualMachineName}", vm.Name);
        Assert.Equal("{resourceGroupName}", vm.ResourceGroup);
        Assert.Equal("{vmid}", vm.VmId);
        Assert.Equal("Test", vm.ComputerName);
        Assert.Equal("Standard_A0", vm.Size);
        Assert.Equal("Windows", vm.OsType);
        Assert.Equal("eastus", vm.Location);
        Assert.Equal("MicrosoftWindowsServer:WindowsServer:2012-R2-Datacenter:4.127.20170406", vm.Image);
        Assert.Empty(vm.Tags);
        Assert.Empty(vm.MacAddresses);
        Assert.Null(vm.PowerState);
    }

    [Theory]
    [InlineData("VirtualMachine_ListAll_MinimumSet_Gen.json", "{resourceGroupName}")]
    [InlineData("VirtualMachine_List_MinimumSet_Gen.json", "rgcompute")]
    public void MinimumSetVms_WithOnlyIdAndLocation_StillBecomeRecords(string file, string resourceGroup)
    {
        var page = JsonSerializer.Deserialize(Fixtures.ResponseBody(file), ArmJsonContext.Default.ArmListVirtualMachineItem)!;

        var records = CloudVmMapper.ToRecords(page.Value!, Sub, new NetworkIndex(), null);

        Assert.Null(page.NextLink);
        var vm = Assert.Single(records);
        Assert.Equal("{virtualMachineName}", vm.Name);
        Assert.Equal(resourceGroup, vm.ResourceGroup);
        Assert.Equal("eastus", vm.Location);
        Assert.Null(vm.VmId);
        Assert.Null(vm.Image);
        Assert.Null(vm.OsType);
        Assert.Empty(vm.PrivateIps);
    }

    [Fact]
    public void NicWithASecondaryIpConfigAndNoMac_GivesItsPrefixAndNoMac()
    {
        var index = new NetworkIndex();
        var nics = JsonSerializer.Deserialize(Fixtures.ResponseBody("NetworkInterfaceList.json"), ArmJsonContext.Default.ArmListNetworkInterfaceItem)!;
        nics.Value!.ForEach(index.Add);
        var nic2 = "/subscriptions/subid/resourcegroups/rg1/providers/microsoft.network/networkinterfaces/test-nic2";

        var (macs, privateIps, publicIps) = index.AddressesOf("/subscriptions/subid/resourcegroups/rg1/providers/microsoft.compute/virtualmachines/other", [nic2]);

        Assert.Equal(2, index.NetworkInterfaces);
        Assert.Empty(macs);
        Assert.Equal(["172.20.2.4", "172.20.2.16/28"], privateIps);
        Assert.Empty(publicIps); // test-ip2 is not in the public IP list
    }

    [Fact]
    public void VmJoinsItsNic_ByTheNicsBackReference_WithMacNormalisedAndPublicIpResolved()
    {
        var index = new NetworkIndex();
        JsonSerializer.Deserialize(Fixtures.ResponseBody("NetworkInterfaceListAll.json"), ArmJsonContext.Default.ArmListNetworkInterfaceItem)!.Value!.ForEach(index.Add);
        JsonSerializer.Deserialize(Fixtures.ResponseBody("PublicIpAddressListAll.json"), ArmJsonContext.Default.ArmListPublicIpAddressItem)!.Value!.ForEach(index.Add);
        index.Add(new PublicIpAddressItem("/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/publicIPAddresses/test-ip", new("20.50.60.70")));
        var vm = new VirtualMachineItem("/subscriptions/subid/resourceGroups/RG1/providers/Microsoft.Compute/virtualMachines/VM1", "vm1", "eastus", new() { ["env"] = "prod", ["empty"] = null }, null);

        var record = CloudVmMapper.ToRecord(vm, Sub, index, null)!;

        Assert.Equal(["00:0d:3a:1b:c7:21"], record.MacAddresses);
        Assert.Equal(["172.20.2.4"], record.PrivateIps);
        Assert.Equal(["20.50.60.70"], record.PublicIps);
        Assert.Equal("RG1", record.ResourceGroup);
        Assert.Equal(new Dictionary<string, string> { ["env"] = "prod" }, record.Tags);
    }

    [Theory]
    [InlineData("PublicIpAddressList.json", 2)]
    [InlineData("PublicIpAddressListAll.json", 2)]
    public void PublicIpWithoutIpAddress_IsNotIndexed(string file, int assigned)
    {
        var index = new NetworkIndex();
        var page = JsonSerializer.Deserialize(Fixtures.ResponseBody(file), ArmJsonContext.Default.ArmListPublicIpAddressItem)!;
        page.Value!.ForEach(index.Add);

        Assert.Equal(3, page.Value!.Count);
        Assert.Null(page.Value![0]!.Properties!.IpAddress); // testDNS-ip: Dynamic, not assigned
        Assert.Equal(assigned, index.PublicIpAddresses);
    }

    [Fact]
    public void PowerState_IsTheCodeAfterPowerState()
    {
        var item = JsonSerializer.Deserialize(
            """{"value":[{"id":"/subscriptions/s/resourceGroups/r/providers/Microsoft.Compute/virtualMachines/v","properties":{"instanceView":{"statuses":[{"code":"ProvisioningState/succeeded"},{"code":"PowerState/Deallocated"}]}}}]}"""u8,
            ArmJsonContext.Default.ArmListVirtualMachineItem)!.Value![0];

        Assert.Equal("deallocated", CloudVmMapper.PowerState(item));
    }

    [Theory]
    [InlineData("10.0.0.4", "10.0.0.4")]
    [InlineData("172.20.2.16/28", "172.20.2.16/28")]
    [InlineData("aaaa", null)]
    [InlineData(" ", null)]
    [InlineData("fd00::4", "fd00::4")]
    public void PrivateIp_KeepsAddressesAndPrefixes_AndDropsPlaceholders(string text, string? expected) =>
        Assert.Equal(expected, NetworkIndex.PrivateIp(text));

    private static int Parse<T>(ArmHarness harness, byte[] body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<ArmList<T>> type)
    {
        using var response = StubHandler.Json(System.Net.HttpStatusCode.OK, body);
        return ArmResponses.ToPage(response, body, type, harness.Subject()).Value!.Count;
    }
}
