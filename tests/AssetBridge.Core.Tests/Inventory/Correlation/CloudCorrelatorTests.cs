using AssetBridge.Core.Inventory;
using AssetBridge.Core.Inventory.Correlation;

namespace AssetBridge.Core.Tests.Inventory.Correlation;

public sealed class CloudCorrelatorTests
{
    private const string Subscription = "6f7e2c1a-0000-4000-8000-000000000001";

    private static CloudVm Vm(string name, string vmId, string mac, string ip, params string[] publicIps) => new()
    {
        ResourceId = $"/subscriptions/{Subscription}/resourcegroups/rg-web/providers/microsoft.compute/virtualmachines/{name}",
        SubscriptionId = Subscription,
        VmId = vmId,
        Name = name,
        ComputerName = name.ToUpperInvariant(),
        MacAddresses = [mac],
        PrivateIps = [ip],
        PublicIps = publicIps,
    };

    private static CloudIndex Index(params CloudVm[] vms)
    {
        var index = new CloudIndex();
        foreach (var vm in vms)
        {
            index.Add(new CloudRecord("azure", vm));
        }

        index.AddListedSubscription(Subscription);
        return index;
    }

    private static Device Device(string name) => new() { SysId = "d-" + name, Name = name };

    private static NetworkAdapter Adapter(string? mac, string? ip) => new() { SysId = Guid.NewGuid().ToString("N"), MacAddress = mac, IpAddress = ip };

    [Fact]
    public void Correlate_PrefersVmId_OverEveryOtherRule()
    {
        var byVmId = Vm("a", "11111111-aaaa-4000-8000-000000000001", "00-0D-3A-00-00-01", "10.0.0.1");
        var byMac = Vm("b", "11111111-aaaa-4000-8000-000000000002", "00-0D-3A-00-00-02", "10.0.0.2");
        var index = Index(byVmId, byMac);

        var result = CloudCorrelator.Correlate(
            index,
            Device("b"),
            [Adapter("00:0d:3a:00:00:02", "10.0.0.2")],
            [new VmInstance { SysId = "vm1", VmInstId = "11111111-AAAA-4000-8000-000000000001" }]);

        Assert.Equal(InventoryStatus.Managed, result.Status);
        Assert.Same(byVmId, result.Cloud!.Vm);
        Assert.Equal(new CloudMatch(MatchRule.VmId, "11111111-aaaa-4000-8000-000000000001"), result.Match);
    }

    [Fact]
    public void Correlate_MatchesResourceId_InAnyLetterCase()
    {
        var vm = Vm("web01", "22222222-aaaa-4000-8000-000000000001", "00-0D-3A-00-00-03", "10.0.0.3");
        var objectId = $"/subscriptions/{Subscription.ToUpperInvariant()}/resourceGroups/RG-WEB/providers/Microsoft.Compute/virtualMachines/WEB01";

        var result = CloudCorrelator.Correlate(Index(vm), Device("other"), [], [new VmInstance { SysId = "vm1", ObjectId = objectId }]);

        Assert.Equal(MatchRule.ResourceId, result.Match!.Rule);
        Assert.Equal(vm.ResourceId, result.Match.Value);
    }

    [Fact]
    public void Correlate_MatchesMac_AcrossAzureAndServiceNowFormats()
    {
        var vm = Vm("app7", "33333333-aaaa-4000-8000-000000000001", "00:0d:3a:1b:c7:21", "10.0.0.7");

        var result = CloudCorrelator.Correlate(Index(vm), Device("unrelated-name"), [Adapter("00-0D-3A-1B-C7-21", null)], []);

        Assert.Equal(new CloudMatch(MatchRule.Mac, "00:0d:3a:1b:c7:21"), result.Match);
    }

    [Fact]
    public void Correlate_MatchesHostNameAndIp_OnlyWhenBothAgree()
    {
        var vm = Vm("db02", "44444444-aaaa-4000-8000-000000000001", "00-0D-3A-00-00-09", "10.1.2.3");
        var index = Index(vm);

        var both = CloudCorrelator.Correlate(index, Device("DB02.corp.example"), [Adapter(null, "10.1.2.3")], []);
        var nameOnly = CloudCorrelator.Correlate(Index(vm), Device("db02"), [Adapter(null, "10.9.9.9")], []);
        var ipOnly = CloudCorrelator.Correlate(Index(vm), Device("db03"), [Adapter(null, "10.1.2.3")], []);

        Assert.Equal(new CloudMatch(MatchRule.NameIp, "db02 10.1.2.3"), both.Match);
        Assert.Equal(InventoryStatus.CmdbOnly, nameOnly.Status);
        Assert.Equal(InventoryStatus.CmdbOnly, ipOnly.Status);
    }

    [Fact]
    public void Correlate_IgnoresAMacTwoVmsShare()
    {
        var index = Index(
            Vm("x1", "55555555-aaaa-4000-8000-000000000001", "00-0D-3A-00-00-10", "10.0.0.10"),
            Vm("x2", "55555555-aaaa-4000-8000-000000000002", "00-0D-3A-00-00-10", "10.0.0.11"));

        var result = CloudCorrelator.Correlate(index, Device("nobody"), [Adapter("00:0d:3a:00:00:10", null)], []);

        Assert.Equal(InventoryStatus.CmdbOnly, result.Status);
    }

    [Fact]
    public void Correlate_IsStale_WhenAListedSubscriptionNoLongerHasTheClaimedVm()
    {
        var claim = new VmInstance { SysId = "vm9", ObjectId = $"/subscriptions/{Subscription}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/gone", State = "On" };

        var stale = CloudCorrelator.Correlate(Index(), Device("gone"), [], [claim]);
        var terminated = CloudCorrelator.Correlate(Index(), Device("gone"), [], [claim with { State = "Terminated" }]);

        Assert.Equal(InventoryStatus.Stale, stale.Status);
        Assert.Equal(InventoryStatus.CmdbOnly, terminated.Status);
    }

    [Fact]
    public void Correlate_IsNotStale_WhenTheSubscriptionWasNeverListedCompletely()
    {
        var index = new CloudIndex();
        var claim = new VmInstance { SysId = "vm9", ObjectId = $"/subscriptions/{Subscription}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/gone" };

        var result = CloudCorrelator.Correlate(index, Device("gone"), [], [claim]);

        Assert.Equal(InventoryStatus.CmdbOnly, result.Status);
    }

    [Fact]
    public void Unclaimed_ListsOnlyVmsNoRecordMatched()
    {
        var matched = Vm("m", "66666666-aaaa-4000-8000-000000000001", "00-0D-3A-00-00-20", "10.0.0.20");
        var orphan = Vm("o", "66666666-aaaa-4000-8000-000000000002", "00-0D-3A-00-00-21", "10.0.0.21", "20.1.2.3");
        var index = Index(matched, orphan);

        CloudCorrelator.Correlate(index, Device("m"), [Adapter("00:0d:3a:00:00:20", null)], []);
        var unmanaged = index.Unclaimed().Select(CloudCorrelator.Unmanaged).ToList();

        var entry = Assert.Single(unmanaged);
        Assert.Equal(InventoryStatus.Unmanaged, entry.Status);
        Assert.Same(orphan, entry.Cloud!.Vm);
        Assert.True(entry.Exposure.InternetFacing);
        Assert.Equal(["20.1.2.3"], entry.Exposure.PublicIps);
    }

    [Fact]
    public void Exposure_CountsPublicAdapterAddresses_OfCmdbOnlyDevices()
    {
        var result = CloudCorrelator.Correlate(Index(), Device("edge"), [Adapter(null, "10.0.0.5"), Adapter(null, "52.10.20.30")], []);

        Assert.True(result.Exposure.InternetFacing);
        Assert.Equal(["52.10.20.30"], result.Exposure.PublicIps);
    }

    [Fact]
    public void Exposure_OfACmdbDevice_NeedsNoCloudRead()
    {
        var result = CloudCorrelator.Correlate(new CloudIndex(), Device("edge"), [Adapter(null, "52.10.20.31")], []);

        Assert.Equal(InventoryStatus.CmdbOnly, result.Status);
        Assert.Equal(["52.10.20.31"], result.Exposure.PublicIps);
    }
}
