using AssetBridge.Emulators.ServiceNow;
using AssetBridge.Emulators.Tests.ServiceNow.Support;
using static AssetBridge.Emulators.Tests.ServiceNow.Support.Emulator;

namespace AssetBridge.Emulators.Tests.ServiceNow.Generation;

public sealed class GeneratedDataTests
{
    [Fact]
    public async Task SameSeed_GivesTheSameData()
    {
        var first = await BodiesAsync(seed: 3);
        var second = await BodiesAsync(seed: 3);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task OtherSeed_GivesOtherData()
    {
        var first = await BodiesAsync(seed: 3);
        var second = await BodiesAsync(seed: 4);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Counts_FollowTheOptions()
    {
        await using var emulator = await StartAsync(o => (o.Devices, o.AdaptersPerDevice, o.Applications) = (33, 3, 4));

        Assert.Equal(33, emulator.Instance.Count(Computers));
        Assert.Equal(99, emulator.Instance.Count(Adapters));
        Assert.Equal(4, emulator.Instance.Count(Applications));
        Assert.Equal(3, emulator.Instance.Count("cmdb_rel_type"));
    }

    [Fact]
    public async Task Devices_HaveTheFieldsAndValuesTheConnectorReads()
    {
        await using var emulator = await StartAsync(o => o.Devices = 200);
        using var client = Client(emulator);

        var devices = await client.AllRowsAsync(Computers);

        Assert.All(devices, d => Assert.Matches("^[0-9a-f]{32}$", d.Text("sys_id")));
        Assert.Equal(["cmdb_ci_computer", "cmdb_ci_linux_server", "cmdb_ci_win_server"], devices.Select(d => d.Text("sys_class_name")).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(
            ["", "1 - most critical", "2 - somewhat critical", "3 - less critical", "4 - not critical"],
            devices.Select(d => d.Text("business_criticality")).Distinct().Order(StringComparer.Ordinal));
        Assert.All(devices, d => Assert.Contains(d.Text("virtual"), new[] { "true", "false" }));
        Assert.Contains(devices, d => d.Text("u_primary_business_application").Length == 0);
        Assert.Contains(devices, d => d.Text("u_primary_business_application").Length == 32);
        Assert.Contains(devices, d => d.Text("u_last_logged_on_user").Length > 0);
        foreach (var field in new[] { "name", "os", "os_version", "os_service_pack", "cpu_type", "category", "asset_tag", "used_for", "u_most_frequent_user", "serial_number", "sys_created_on" })
        {
            Assert.True(devices[0].TryGetProperty(field, out _), $"Devices lack {field}.");
        }
    }

    [Fact]
    public async Task Adapters_ReferenceTheirDevice_WithLowerCaseMacs()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        var adapters = await client.AllRowsAsync(Adapters);

        var devices = emulator.Instance.SysIds(Computers).ToHashSet();
        Assert.All(adapters, a => Assert.Contains(a.Text("cmdb_ci"), devices));
        Assert.All(adapters, a => Assert.Matches("^([0-9a-f]{2}:){5}[0-9a-f]{2}$", a.Text("mac_address")));
        Assert.Equal(adapters.Count, adapters.Select(a => a.Text("mac_address")).Distinct().Count());
        Assert.All(adapters.GroupBy(a => a.Text("cmdb_ci")), g => Assert.Equal(2, g.Count()));
        Assert.Contains(adapters, a => a.Text("ip_address").StartsWith("10.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Relationships_LinkApplicationsAndDevicesBothWays_PlusUnrelatedDeviceLinks()
    {
        await using var emulator = await StartAsync(o => o.Devices = 200);
        using var client = Client(emulator);

        var relationships = await client.AllRowsAsync(Relationships);

        var applications = emulator.Instance.SysIds(Applications).ToHashSet();
        var devices = emulator.Instance.SysIds(Computers).ToHashSet();
        Assert.Contains(relationships, r => applications.Contains(r.Text("parent")) && devices.Contains(r.Text("child")));
        Assert.Contains(relationships, r => devices.Contains(r.Text("parent")) && applications.Contains(r.Text("child")));
        Assert.Contains(relationships, r => devices.Contains(r.Text("parent")) && devices.Contains(r.Text("child")) && r.Text("type") == "1a9cb166f1571100a92eb60da2bce5c5");
        var type = emulator.Instance.Get("cmdb_rel_type", "1a9cb166f1571100a92eb60da2bce5c5")!;
        Assert.Equal("Depends on::Used by", type["name"]);
    }

    [Fact]
    public async Task Applications_AreNumberedFromApm0001001()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        using var response = await client.GetTableAsync(Applications, ("sysparm_query", "ORDERBYnumber"), ("sysparm_fields", "number,name,u_criticality"));

        var applications = await response.ResultAsync();
        Assert.Equal(["APM0001001", "APM0001002", "APM0001003"], applications.Take(3).Select(a => a.Text("number")));
        Assert.All(applications, a => Assert.Contains(a.Text("u_criticality"), new[] { "", "1", "2", "3", "4" }));
    }

    [Fact]
    public async Task GeneratedUpdateTimes_EndAtGeneratedAt()
    {
        var at = new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero);
        await using var emulator = await StartAsync(o => o.GeneratedAt = at);
        using var client = Client(emulator);

        using var response = await client.GetTableAsync(Computers, ("sysparm_query", "ORDERBYDESCsys_updated_on"), ("sysparm_fields", "sys_updated_on,sys_created_on"));

        var rows = await response.ResultAsync();
        Assert.All(rows, r => Assert.True(string.CompareOrdinal(r.Text("sys_updated_on"), "2024-07-01 00:00:00") <= 0));
        Assert.All(rows, r => Assert.True(string.CompareOrdinal(r.Text("sys_created_on"), r.Text("sys_updated_on")) <= 0));
        Assert.StartsWith("2024-0", rows[0].Text("sys_updated_on"), StringComparison.Ordinal);
    }

    private static async Task<List<string>> BodiesAsync(int seed)
    {
        await using var emulator = await StartAsync(o => (o.Seed, o.Devices) = (seed, 30));
        using var client = Client(emulator);
        var bodies = new List<string>();
        foreach (var table in new[] { Computers, Adapters, Applications, Relationships })
        {
            // Links would differ by port; the data must not.
            using var response = await client.GetTableAsync(table, ("sysparm_exclude_reference_link", "true"));
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        return bodies;
    }
}
