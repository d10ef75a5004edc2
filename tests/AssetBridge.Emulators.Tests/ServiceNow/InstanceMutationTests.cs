using System.Net;
using AssetBridge.Emulators.Tests.ServiceNow.Support;
using static AssetBridge.Emulators.Tests.ServiceNow.Support.Emulator;

namespace AssetBridge.Emulators.Tests.ServiceNow;

public sealed class InstanceMutationTests
{
    [Fact]
    public async Task Insert_IsServedWithTheClockAsUpdateTime()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero));
        await using var emulator = await StartAsync(o => o.TimeProvider = clock);
        using var client = Client(emulator);

        var sysId = emulator.Instance.Insert(Computers, new Dictionary<string, string?> { ["name"] = "new-device", ["os"] = null });
        using var response = await client.GetAsync($"api/now/table/{Computers}/{sysId}");

        var record = (await response.JsonAsync()).GetProperty("result");
        Assert.Equal("new-device", record.Text("name"));
        Assert.Equal(string.Empty, record.Text("os"));
        Assert.Equal("2026-02-03 04:05:06", record.Text("sys_updated_on"));
        Assert.Equal("cmdb_ci_computer", record.Text("sys_class_name"));
        Assert.Equal(61, emulator.Instance.Count(Computers));
        Assert.Matches("^[0-9a-f]{32}$", sysId);
    }

    [Fact]
    public async Task Insert_KeepsTheGivenSysIdAndUpdateTime()
    {
        await using var emulator = await StartAsync();
        const string sysId = "00000000000000000000000000000001";

        var returned = emulator.Instance.Insert(Applications,
            new Dictionary<string, string?> { ["sys_id"] = sysId, ["name"] = "First" }, new DateTimeOffset(2025, 5, 6, 7, 8, 9, TimeSpan.Zero));

        Assert.Equal(sysId, returned);
        Assert.Equal(sysId, emulator.Instance.SysIds(Applications).First());
        Assert.Equal("2025-05-06 07:08:09", emulator.Instance.Get(Applications, sysId)!["sys_updated_on"]);
    }

    [Fact]
    public async Task Insert_RefusesASysIdThatIsNotCanonicalOrAlreadyUsed()
    {
        await using var emulator = await StartAsync();
        var existing = emulator.Instance.SysIds(Adapters).First();

        Assert.Throws<ArgumentException>(() => emulator.Instance.Insert(Computers, new Dictionary<string, string?> { ["sys_id"] = "ABC" }));
        Assert.Throws<ArgumentException>(() => emulator.Instance.Insert(Computers, new Dictionary<string, string?> { ["sys_id"] = existing }));
        Assert.Throws<ArgumentException>(() => emulator.Instance.Insert("no_such_table", new Dictionary<string, string?>()));
    }

    [Fact]
    public async Task Update_MovesTheRecordPastTheWatermark()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        await using var emulator = await StartAsync(o => o.TimeProvider = clock);
        using var client = Client(emulator);
        var sysId = emulator.Instance.SysIds(Computers).ElementAt(10);

        emulator.Instance.Update(Computers, sysId, new Dictionary<string, string?> { ["business_criticality"] = "1 - most critical" });
        using var response = await client.GetTableAsync(Computers,
            ("sysparm_query", "sys_updated_on>2026-01-01 00:00:00^NQsys_updated_on=2026-01-01 00:00:00^sys_id>ffffffffffffffffffffffffffffffff^ORDERBYsys_updated_on^ORDERBYsys_id"),
            ("sysparm_fields", "sys_id,business_criticality,sys_updated_on"));

        var record = Assert.Single(await response.ResultAsync());
        Assert.Equal(sysId, record.Text("sys_id"));
        Assert.Equal("1 - most critical", record.Text("business_criticality"));
        Assert.Equal("2026-06-01 00:00:00", record.Text("sys_updated_on"));
    }

    [Fact]
    public async Task Update_KeepsEveryOtherValueOfAGeneratedRecord()
    {
        await using var emulator = await StartAsync();
        var sysId = emulator.Instance.SysIds(Computers).First();
        var before = emulator.Instance.Get(Computers, sysId)!;

        emulator.Instance.Update(Computers, sysId, new Dictionary<string, string?> { ["u_new_field"] = "x" }, new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var after = emulator.Instance.Get(Computers, sysId)!;
        Assert.All(before.Where(p => p.Key != "sys_updated_on"), p => Assert.Equal(p.Value, after[p.Key]));
        Assert.Equal("x", after["u_new_field"]);
        Assert.Equal("2027-01-01 00:00:00", after["sys_updated_on"]);
    }

    [Fact]
    public async Task Update_FailsForAMissingRecord()
    {
        await using var emulator = await StartAsync();

        Assert.Throws<KeyNotFoundException>(() => emulator.Instance.Update(Computers, "0123456789abcdef0123456789abcdef", new Dictionary<string, string?>()));
    }

    [Fact]
    public async Task Delete_RemovesTheRecordFromEveryRead()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);
        var sysId = emulator.Instance.SysIds(Adapters).ElementAt(5);

        Assert.True(emulator.Instance.Delete(Adapters, sysId));
        Assert.False(emulator.Instance.Delete(Adapters, sysId));

        using var single = await client.GetAsync($"api/now/table/{Adapters}/{sysId}");
        Assert.Equal(HttpStatusCode.NotFound, single.StatusCode);
        var all = await client.AllRowsAsync(Adapters, "sys_id");
        Assert.Equal(119, all.Count);
        Assert.DoesNotContain(all, r => r.Text("sys_id") == sysId);
        Assert.Null(emulator.Instance.Get(Adapters, sysId));
    }

    [Fact]
    public async Task Instance_ListsItsTables()
    {
        await using var emulator = await StartAsync();

        Assert.Equal(
            ["cmdb_ci_business_app", "cmdb_ci_computer", "cmdb_ci_network_adapter", "cmdb_ci_vm_instance", "cmdb_rel_ci", "cmdb_rel_type", "sys_user"],
            emulator.Instance.Tables.Order(StringComparer.Ordinal));
    }
}
