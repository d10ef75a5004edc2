using System.Net;
using AssetBridge.Emulators.Estate;
using AssetBridge.Emulators.Tests.Azure.Support;
using static AssetBridge.Emulators.Tests.Azure.Support.AzureTestEmulator;

namespace AssetBridge.Emulators.Tests.Azure.Arm;

public sealed class PagingTests
{
    [Fact]
    public async Task Vms_AreEachListedOnce_AcrossShortAndEmptyPages()
    {
        await using var emulator = await StartAsync(o => (o.PageSize, o.Estate.VmsPerSubscription) = (7, 120));
        using var client = await ArmClientAsync(emulator);
        var subscription = emulator.Estate.Subscriptions[0].SubscriptionId;

        var (items, sizes) = await client.AllPagesAsync(VmsPath(subscription));

        var expected = emulator.Estate.Vms.Where(v => v.SubscriptionId == subscription).Select(v => v.ResourceId).Order(StringComparer.Ordinal);
        Assert.Equal(expected, items.Select(i => i.Text("id")).Order(StringComparer.Ordinal));
        Assert.All(sizes, s => Assert.InRange(s, 0, 7));
        Assert.Contains(sizes[..^1], s => s == 0);
        Assert.Contains(sizes[..^1], s => s is > 0 and < 7);
    }

    [Fact]
    public async Task NicsAndPublicIps_AreEachListedOnce()
    {
        await using var emulator = await StartAsync(o => (o.PageSize, o.Estate.VmsPerSubscription) = (5, 80));
        using var client = await ArmClientAsync(emulator);
        var subscription = emulator.Estate.Subscriptions[1].SubscriptionId;
        var vms = emulator.Estate.Vms.Where(v => v.SubscriptionId == subscription).ToList();

        var (nics, _) = await client.AllPagesAsync(NicsPath(subscription));
        var (publicIps, _) = await client.AllPagesAsync(PublicIpsPath(subscription));

        Assert.Equal(vms.SelectMany(v => v.Nics).Select(n => n.Id).Order(StringComparer.Ordinal), nics.Select(n => n.Text("id")).Order(StringComparer.Ordinal));
        Assert.Equal(
            vms.Select(v => v.Nics[0].PublicIpAddress).OfType<string>().Order(StringComparer.Ordinal),
            publicIps.Select(p => p.Text("properties.ipAddress")).Order(StringComparer.Ordinal));
        Assert.Equal(20, publicIps.Count);
    }

    [Fact]
    public async Task NextLink_IsAbsolute_KeepsEveryQueryParameter_AndTheLastPageHasNone()
    {
        await using var emulator = await StartAsync(o => (o.PageSize, o.IrregularPages) = (8, false));
        using var client = await ArmClientAsync(emulator);
        var subscription = emulator.Estate.Subscriptions[0].SubscriptionId;

        using var first = await client.GetAsync(VmsPath(subscription) + "&statusOnly=true");
        var firstPage = await first.JsonAsync();
        var next = new Uri(firstPage.Text("nextLink"));
        using var second = await client.GetAsync(next);
        using var third = await client.GetAsync(new Uri((await second.JsonAsync()).Text("nextLink")));
        var last = await third.JsonAsync();

        Assert.Equal(emulator.BaseAddress.GetLeftPart(UriPartial.Authority), next.GetLeftPart(UriPartial.Authority));
        Assert.Equal($"/subscriptions/{subscription}/providers/Microsoft.Compute/virtualMachines", next.AbsolutePath);
        Assert.Contains("api-version=2025-04-01", next.Query, StringComparison.Ordinal);
        Assert.Contains("statusOnly=true", next.Query, StringComparison.Ordinal);
        Assert.Contains("$skiptoken=", next.Query, StringComparison.Ordinal);
        Assert.Equal(8, firstPage.GetProperty("value").GetArrayLength());
        Assert.Equal(4, last.GetProperty("value").GetArrayLength());
        Assert.False(last.TryGetProperty("nextLink", out _));
    }

    [Fact]
    public async Task VmRemovedWhilePaging_NeitherRepeatsNorSkipsTheOthers()
    {
        await using var emulator = await StartAsync(o => (o.PageSize, o.IrregularPages) = (5, false));
        using var client = await ArmClientAsync(emulator);
        var subscription = emulator.Estate.Subscriptions[0].SubscriptionId;
        using var first = await client.GetAsync(VmsPath(subscription));
        var page = await first.JsonAsync();
        var seen = page.GetProperty("value").EnumerateArray().Select(v => v.Text("id")).ToList();

        var removed = emulator.Controls.CurrentVms.Where(v => v.SubscriptionId == subscription).Select(v => v.ResourceId).OrderBy(id => id.ToLowerInvariant(), StringComparer.Ordinal).ToList();
        emulator.Controls.RemoveVm(seen[0].ToUpperInvariant());
        emulator.Controls.RemoveVm(removed[^1]);
        var (rest, _) = await client.AllPagesAsync(page.Text("nextLink"));

        var all = seen.Concat(rest.Select(v => v.Text("id"))).ToList();
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(removed.Take(removed.Count - 1), all, StringComparer.Ordinal);
    }

    [Fact]
    public async Task VmAddedAtRunTime_IsListedWithItsNic()
    {
        await using var emulator = await StartAsync();
        using var client = await ArmClientAsync(emulator);
        var template = emulator.Estate.Vms[0];
        var nic = template.Nics[0] with { Id = template.Nics[0].Id.Replace(template.Name, "vm-new", StringComparison.Ordinal), MacAddress = "00-0D-3A-FF-FF-FE" };
        var added = template with { Name = "vm-new", ComputerName = "new01", Nics = [nic], Overlap = EstateOverlap.Unmanaged };

        emulator.Controls.AddVm(added);
        var (vms, _) = await client.AllPagesAsync(VmsPath(template.SubscriptionId));
        var (nics, _) = await client.AllPagesAsync(NicsPath(template.SubscriptionId));

        Assert.Contains(vms, v => v.Text("id") == added.ResourceId);
        Assert.Contains(nics, n => JsonPath.Find(n, "properties.macAddress")?.GetString() == "00-0D-3A-FF-FF-FE" && n.Text("properties.virtualMachine.id") == added.ResourceId);
    }

    [Fact]
    public async Task StatusOnly_AddsTheProvisioningAndPowerStates()
    {
        await using var emulator = await StartAsync();
        using var client = await ArmClientAsync(emulator);
        var subscription = emulator.Estate.Subscriptions[0].SubscriptionId;

        var (withStatus, _) = await client.AllPagesAsync(VmsPath(subscription) + "&statusOnly=true");
        var (without, _) = await client.AllPagesAsync(VmsPath(subscription));

        var expected = emulator.Estate.Vms.Where(v => v.SubscriptionId == subscription).ToDictionary(v => v.ResourceId, v => "PowerState/" + v.PowerState);
        Assert.All(withStatus, v => Assert.Equal(
            ["ProvisioningState/succeeded", expected[v.Text("id")]],
            v.GetProperty("properties").GetProperty("instanceView").GetProperty("statuses").EnumerateArray().Select(s => s.Text("code"))));
        Assert.All(without, v => Assert.False(v.GetProperty("properties").TryGetProperty("instanceView", out _)));
    }

    [Fact]
    public async Task PathMatching_IgnoresCase_AndBodiesKeepArmsCanonicalCase()
    {
        await using var emulator = await StartAsync(o => o.IrregularPages = false);
        using var client = await ArmClientAsync(emulator);
        var subscription = emulator.Estate.Subscriptions[0].SubscriptionId;

        using var response = await client.GetAsync($"SUBSCRIPTIONS/{subscription.ToUpperInvariant()}/providers/microsoft.compute/VIRTUALMACHINES?api-version=2025-04-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var first = (await response.JsonAsync()).GetProperty("value")[0];
        Assert.Matches($"^/subscriptions/{subscription}/resourceGroups/[^/]+/providers/Microsoft.Compute/virtualMachines/vm-", first.Text("id"));
    }

    [Fact]
    public async Task UnreadableSkipToken_Answers400()
    {
        await using var emulator = await StartAsync();
        using var client = await ArmClientAsync(emulator);

        using var response = await client.GetAsync(VmsPath(emulator.Estate.Subscriptions[0].SubscriptionId) + "&$skiptoken=not-a-token");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidSkipToken", (await response.JsonAsync()).Text("error.code"));
    }
}
