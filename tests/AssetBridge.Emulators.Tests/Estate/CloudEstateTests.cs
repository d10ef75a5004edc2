using System.Text.Json;
using AssetBridge.Emulators.Estate;

namespace AssetBridge.Emulators.Tests.Estate;

public sealed class CloudEstateTests
{
    [Fact]
    public void Generate_IsAPureFunctionOfTheOptions()
    {
        var first = Snapshot(CloudEstate.Generate(new CloudEstateOptions { Seed = 7 }));
        var second = Snapshot(CloudEstate.Generate(new CloudEstateOptions { Seed = 7 }));
        var other = Snapshot(CloudEstate.Generate(new CloudEstateOptions { Seed = 8 }));

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Overlaps_HaveExactCountsInEverySubscription()
    {
        var estate = CloudEstate.Generate(new CloudEstateOptions { Subscriptions = 4, VmsPerSubscription = 50, StalePerSubscription = 2 });

        Assert.Equal(4, estate.Subscriptions.Count);
        Assert.Equal(200, estate.Vms.Count);
        foreach (var subscription in estate.Subscriptions)
        {
            var vms = estate.Vms.Where(v => v.SubscriptionId == subscription.SubscriptionId).ToList();
            Assert.Equal(50, vms.Count);
            Assert.Equal(15, vms.Count(v => v.Overlap == EstateOverlap.VmId));
            Assert.Equal(5, vms.Count(v => v.Overlap == EstateOverlap.ResourceId));
            Assert.Equal(10, vms.Count(v => v.Overlap == EstateOverlap.Mac));
            Assert.Equal(5, vms.Count(v => v.Overlap == EstateOverlap.NameIp));
            Assert.Equal(15, vms.Count(v => v.Overlap == EstateOverlap.Unmanaged));
            Assert.Equal(12, vms.Count(v => v.Nics[0].PublicIpAddress is not null));
            Assert.Equal(2, estate.CmdbTwins.Count(t => t.Overlap == EstateOverlap.Stale && t.ResourceId.Contains(subscription.SubscriptionId, StringComparison.Ordinal)));
        }

        Assert.Equal((35 * 4) + (2 * 4), estate.CmdbTwins.Count);
    }

    [Fact]
    public void Defaults_GiveThreeSubscriptionsOfTwentyVms()
    {
        var estate = CloudEstate.Generate(new CloudEstateOptions());

        Assert.Equal(["Contoso Development", "Contoso Production", "Contoso Shared Services"], estate.Subscriptions.Select(s => s.DisplayName).Order(StringComparer.Ordinal));
        Assert.All(estate.Subscriptions, s => Assert.Equal("Enabled", s.State));
        Assert.Equal(60, estate.Vms.Count);
        Assert.Equal(18, estate.Vms.Count(v => v.Overlap == EstateOverlap.VmId));
        Assert.Equal(18, estate.Vms.Count(v => v.Overlap == EstateOverlap.Unmanaged));
        Assert.Equal(42 + 3, estate.CmdbTwins.Count);
    }

    [Fact]
    public void Identifiers_AreUniqueAndInTheirRanges()
    {
        var estate = CloudEstate.Generate(new CloudEstateOptions { Subscriptions = 5, VmsPerSubscription = 400 });
        var nics = estate.Vms.SelectMany(v => v.Nics).ToList();

        AssertUnique(estate.Subscriptions.Select(s => s.SubscriptionId));
        AssertUnique(estate.Vms.Select(v => v.VmId));
        AssertUnique(estate.Vms.Select(v => v.ResourceId.ToLowerInvariant()));
        AssertUnique(estate.Vms.Select(v => v.ComputerName));
        AssertUnique(nics.Select(n => n.Id.ToLowerInvariant()));
        AssertUnique(nics.Where(n => n.MacAddress is not null).Select(n => n.MacAddress!));
        AssertUnique(nics.SelectMany(n => n.PrivateIps));
        AssertUnique(nics.Where(n => n.PublicIpAddress is not null).Select(n => n.PublicIpAddress!));
        Assert.All(estate.Subscriptions, s => Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", s.SubscriptionId));
        Assert.All(nics.Where(n => n.MacAddress is not null), n => Assert.Matches("^00-0D-3A(-[0-9A-F]{2}){3}$", n.MacAddress!));
        Assert.All(nics.SelectMany(n => n.PrivateIps), ip => Assert.Matches(@"^10\.1\d\d\.\d+\.\d+$", ip));
        Assert.All(nics.Where(n => n.PublicIpAddress is not null), n => Assert.StartsWith("20.", n.PublicIpAddress!, StringComparison.Ordinal));
    }

    [Fact]
    public void ResourceIds_AreInArmCanonicalCase_WithMixedCaseResourceGroups()
    {
        var vm = CloudEstate.Generate(new CloudEstateOptions()).Vms[0];

        Assert.Equal($"/subscriptions/{vm.SubscriptionId}/resourceGroups/{vm.ResourceGroup}/providers/Microsoft.Compute/virtualMachines/{vm.Name}", vm.ResourceId);
        Assert.Contains(CloudEstate.Generate(new CloudEstateOptions()).Vms, v => v.ResourceGroup == "RG-Web");
    }

    [Fact]
    public void Twins_CarryOnlyTheIdentifiersOfTheirOverlap()
    {
        var estate = CloudEstate.Generate(new CloudEstateOptions { VmsPerSubscription = 100 });
        var vms = estate.Vms.ToDictionary(v => v.ResourceId, StringComparer.Ordinal);

        foreach (var twin in estate.CmdbTwins)
        {
            switch (twin.Overlap)
            {
                case EstateOverlap.VmId:
                    Assert.Equal(vms[twin.ResourceId].VmId, twin.VmInstId);
                    Assert.Equal(twin.ResourceId, twin.ObjectId);
                    Assert.Null(twin.MacAddress);
                    Assert.Null(twin.IpAddress);
                    break;
                case EstateOverlap.ResourceId:
                    Assert.Null(twin.VmInstId);
                    Assert.NotEqual(twin.ResourceId, twin.ObjectId);
                    Assert.Equal(twin.ResourceId, twin.ObjectId, StringComparer.OrdinalIgnoreCase);
                    Assert.Null(twin.MacAddress);
                    break;
                case EstateOverlap.Mac:
                    var nic = vms[twin.ResourceId].Nics[0];
                    Assert.Equal(nic.MacAddress!.Replace('-', ':').ToLowerInvariant(), twin.MacAddress);
                    Assert.Matches("^00:0d:3a(:[0-9a-f]{2}){3}$", twin.MacAddress!);
                    Assert.NotEqual(vms[twin.ResourceId].ComputerName, HostLabel(twin.ComputerName), StringComparer.OrdinalIgnoreCase);
                    Assert.Null(twin.ObjectId);
                    Assert.Null(twin.IpAddress);
                    break;
                case EstateOverlap.NameIp:
                    var vm = vms[twin.ResourceId];
                    Assert.NotEqual(vm.ComputerName, twin.ComputerName);
                    Assert.Equal(vm.ComputerName, HostLabel(twin.ComputerName), StringComparer.OrdinalIgnoreCase);
                    Assert.Equal(vm.Nics[0].PrivateIps[0], twin.IpAddress);
                    Assert.Null(twin.MacAddress);
                    Assert.Null(twin.ObjectId);
                    break;
                default:
                    Assert.Equal(EstateOverlap.Stale, twin.Overlap);
                    Assert.False(vms.ContainsKey(twin.ResourceId));
                    Assert.Equal(twin.ResourceId, twin.ObjectId);
                    Assert.NotNull(twin.VmInstId);
                    break;
            }
        }

        Assert.Contains(estate.CmdbTwins, t => t.Overlap == EstateOverlap.NameIp && t.ComputerName.EndsWith(".corp.contoso.com", StringComparison.Ordinal));
    }

    [Fact]
    public void DeallocatedVms_HaveNoMac_AndVmsKnownByMacAreNeverDeallocated()
    {
        var estate = CloudEstate.Generate(new CloudEstateOptions { VmsPerSubscription = 300 });

        Assert.Contains(estate.Vms, v => v.PowerState == "deallocated");
        Assert.All(estate.Vms.Where(v => v.PowerState == "deallocated"), v => Assert.All(v.Nics, n => Assert.Null(n.MacAddress)));
        Assert.All(estate.Vms.Where(v => v.Overlap == EstateOverlap.Mac), v => Assert.NotEqual("deallocated", v.PowerState));
    }

    [Theory]
    [InlineData("MatchByVmId", 0.7, "must not exceed 1")]
    [InlineData("PublicIpShare", 1.5, "PublicIpShare must be between 0 and 1")]
    [InlineData("Subscriptions", 101.0, "Subscriptions must be between 0 and 100")]
    public void Validate_FailsWithASentenceNamingTheSetting(string setting, double value, string expected)
    {
        var options = new CloudEstateOptions();
        typeof(CloudEstateOptions).GetProperty(setting)!.SetValue(options, setting == "Subscriptions" ? (object)(int)value : value);

        var error = Assert.Throws<ArgumentException>(() => CloudEstate.Generate(options));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RefusesATenantThatIsNotAGuid()
    {
        var error = Assert.Throws<ArgumentException>(() => new CloudEstateOptions { TenantId = "contoso.onmicrosoft.com" }.Validate());

        Assert.StartsWith("TenantId must be a GUID", error.Message, StringComparison.Ordinal);
    }

    private static string HostLabel(string name) => name.Split('.')[0];

    private static void AssertUnique(IEnumerable<string> values)
    {
        var list = values.ToList();
        Assert.Equal(list.Count, list.Distinct(StringComparer.Ordinal).Count());
    }

    private static string Snapshot(CloudEstate estate) =>
        JsonSerializer.Serialize(new { estate.Subscriptions, estate.Vms, estate.CmdbTwins });
}
