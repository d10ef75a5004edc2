using AssetBridge.Emulators.Estate;
using AssetBridge.Emulators.ServiceNow;
using static AssetBridge.Emulators.Tests.ServiceNow.Support.Emulator;

namespace AssetBridge.Emulators.Tests.ServiceNow.Generation;

public sealed class EstateTwinTests
{
    private const string VmInstances = "cmdb_ci_vm_instance";
    private const string VirtualizedBy = "d93304fb0a0a0b78006081a72ef08444";

    [Fact]
    public async Task VmInstanceTable_IsServedEmpty_WithoutAnEstate()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        using var response = await client.GetTableAsync(VmInstances);

        response.EnsureSuccessStatusCode();
        Assert.Empty(await response.ResultAsync());
        Assert.Equal(0, emulator.Instance.Count(VmInstances));
        Assert.Equal(3, emulator.Instance.Count("cmdb_rel_type"));
    }

    [Fact]
    public async Task Estate_AddsTwinsAfterTheGeneratedRows_LeavingThoseUnchanged()
    {
        var estate = CloudEstate.Generate(new CloudEstateOptions());
        await using var plain = await StartAsync();
        await using var withEstate = await StartAsync(o => o.CloudEstate = estate);
        using var plainClient = Client(plain);
        using var estateClient = Client(withEstate);

        var before = await plainClient.AllRowsAsync(Computers);
        var after = (await estateClient.AllRowsAsync(Computers)).ToDictionary(r => r.Text("sys_id"));

        Assert.Equal(60 + estate.CmdbTwins.Count, after.Count);
        Assert.All(before, row => Assert.Equal(row.ToString(), after[row.Text("sys_id")].ToString()));
        Assert.Equal(120 + estate.CmdbTwins.Count(t => t.MacAddress is not null || t.IpAddress is not null), withEstate.Instance.Count(Adapters));
        Assert.Equal(estate.CmdbTwins.Count(t => t.ObjectId is not null), withEstate.Instance.Count(VmInstances));
        Assert.Equal("Virtualized by::Virtualizes", withEstate.Instance.Get("cmdb_rel_type", VirtualizedBy)!["name"]);
    }

    [Fact]
    public async Task Twins_AreServedWithTheirIdentifiers_AndLinkedToTheirVmInstance()
    {
        var estate = CloudEstate.Generate(new CloudEstateOptions { VmsPerSubscription = 40 });
        await using var emulator = await StartAsync(o => o.CloudEstate = estate);
        using var client = Client(emulator);

        var computers = (await client.AllRowsAsync(Computers)).ToDictionary(r => r.Text("sys_id"));
        var adapters = await client.AllRowsAsync(Adapters);
        var instances = (await client.AllRowsAsync(VmInstances)).ToDictionary(r => r.Text("sys_id"));
        var links = (await client.AllRowsAsync(Relationships)).Where(r => r.Text("type") == VirtualizedBy).ToList();

        Assert.Equal(instances.Count, links.Count);
        foreach (var twin in estate.CmdbTwins)
        {
            var computer = Assert.Single(computers.Values, c => c.Text("name") == twin.ComputerName);
            Assert.Equal("true", computer.Text("virtual"));
            Assert.Equal(twin.Os, computer.Text("os"));
            Assert.Contains(computer.Text("sys_class_name"), new[] { "cmdb_ci_win_server", "cmdb_ci_linux_server" });
            var adapter = adapters.SingleOrDefault(a => a.Text("cmdb_ci") == computer.Text("sys_id"));
            Assert.Equal(twin.MacAddress ?? string.Empty, adapter.ValueKind == default ? string.Empty : adapter.Text("mac_address"));
            Assert.Equal(twin.IpAddress ?? string.Empty, adapter.ValueKind == default ? string.Empty : adapter.Text("ip_address"));
            var link = links.SingleOrDefault(l => l.Text("parent") == computer.Text("sys_id"));
            if (twin.ObjectId is null)
            {
                Assert.Equal(default, link.ValueKind);
                continue;
            }

            var instance = instances[link.Text("child")];
            Assert.Equal(twin.ObjectId, instance.Text("object_id"));
            Assert.Equal(twin.VmInstId ?? string.Empty, instance.Text("vm_inst_id"));
            Assert.Contains(instance.Text("state"), new[] { "On", "Off" });
            Assert.Equal("cmdb_ci_vm_instance", instance.Text("sys_class_name"));
        }

        Assert.Contains(instances.Values, i => i.Text("object_id") == i.Text("object_id").ToLowerInvariant());
    }

    [Fact]
    public async Task Twins_CarryCriticalityAndApplications_AsGeneratedServersDo()
    {
        var estate = CloudEstate.Generate(new CloudEstateOptions { Subscriptions = 5, VmsPerSubscription = 60 });
        await using var emulator = await StartAsync(o => o.CloudEstate = estate);
        using var client = Client(emulator);
        var twinNames = estate.CmdbTwins.Select(t => t.ComputerName).ToHashSet(StringComparer.Ordinal);

        var twins = (await client.AllRowsAsync(Computers)).Where(c => twinNames.Contains(c.Text("name"))).ToList();
        var applications = emulator.Instance.SysIds(Applications).ToHashSet();
        var dependsOn = (await client.AllRowsAsync(Relationships)).Where(r => r.Text("type") == "1a9cb166f1571100a92eb60da2bce5c5").ToList();

        Assert.Equal(twinNames.Count, twins.Count);
        Assert.Equal(
            ["", "1 - most critical", "2 - somewhat critical", "3 - less critical", "4 - not critical"],
            twins.Select(d => d.Text("business_criticality")).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(twins, t => applications.Contains(t.Text("u_primary_business_application")));
        Assert.Contains(twins, t => t.Text("used_for") == "Production");
        Assert.Contains(dependsOn, r => applications.Contains(r.Text("parent")) && twins.Any(t => t.Text("sys_id") == r.Text("child")));
    }

    [Fact]
    public async Task SameSeedAndEstate_GiveTheSameTwins()
    {
        var first = await VmInstanceBodyAsync();
        var second = await VmInstanceBodyAsync();

        Assert.Equal(first, second);
    }

    private static async Task<string> VmInstanceBodyAsync()
    {
        await using var emulator = await StartAsync(o => o.CloudEstate = CloudEstate.Generate(new CloudEstateOptions()));
        using var client = Client(emulator);
        using var response = await client.GetTableAsync(VmInstances, ("sysparm_exclude_reference_link", "true"), ("sysparm_query", "ORDERBYsys_id"));
        return await response.Content.ReadAsStringAsync();
    }
}
