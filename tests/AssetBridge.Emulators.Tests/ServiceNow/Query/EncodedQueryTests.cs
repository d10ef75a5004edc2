using System.Text.Json;
using AssetBridge.Emulators.ServiceNow;
using AssetBridge.Emulators.Tests.ServiceNow.Support;
using static AssetBridge.Emulators.Tests.ServiceNow.Support.Emulator;

namespace AssetBridge.Emulators.Tests.ServiceNow.Query;

/// <summary>Each query is checked against the same filter applied in LINQ to every row of the table.</summary>
public sealed class EncodedQueryTests : IAsyncLifetime
{
    private ServiceNowEmulator emulator = null!;
    private HttpClient client = null!;
    private List<JsonElement> computers = null!;

    public async Task InitializeAsync()
    {
        emulator = await StartAsync(o => (o.Devices, o.Applications) = (120, 5));
        client = Client(emulator);
        computers = await client.AllRowsAsync(Computers);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await emulator.DisposeAsync();
    }

    [Theory]
    [InlineData("sys_class_name=cmdb_ci_linux_server")]
    [InlineData("sys_class_name!=cmdb_ci_computer")]
    [InlineData("business_criticality>2 - somewhat critical")]
    [InlineData("business_criticality>=2 - somewhat critical")]
    [InlineData("business_criticality<2 - somewhat critical")]
    [InlineData("business_criticality<=2 - somewhat critical")]
    [InlineData("business_criticalityISEMPTY")]
    [InlineData("business_criticalityISNOTEMPTY")]
    [InlineData("used_forINProduction,QA")]
    [InlineData("nameSTARTSWITHsrv-win")]
    [InlineData("nameLIKE00001")]
    public async Task Operator_MatchesTheSameRowsAsTheFilter(string query)
    {
        var expected = computers.Where(Predicate(query)).Select(r => r.Text("sys_id")).Order(StringComparer.Ordinal);

        Assert.Equal(expected, await SysIdsAsync(query));
    }

    [Fact]
    public async Task Or_BindsToThePrecedingCondition_TighterThanAnd()
    {
        const string query = "used_for=Production^sys_class_name=cmdb_ci_linux_server^ORsys_class_name=cmdb_ci_win_server";
        var expected = computers
            .Where(r => r.Text("used_for") == "Production" && r.Text("sys_class_name") is "cmdb_ci_linux_server" or "cmdb_ci_win_server")
            .Select(r => r.Text("sys_id")).Order(StringComparer.Ordinal);

        Assert.Equal(expected, await SysIdsAsync(query));
    }

    [Fact]
    public async Task NewQuery_OrsWholeGroups()
    {
        const string query = "used_for=QA^virtual=true^NQsys_class_name=cmdb_ci_linux_server^virtual=false";
        var expected = computers
            .Where(r => (r.Text("used_for") == "QA" && r.Text("virtual") == "true")
                || (r.Text("sys_class_name") == "cmdb_ci_linux_server" && r.Text("virtual") == "false"))
            .Select(r => r.Text("sys_id")).Order(StringComparer.Ordinal);

        Assert.Equal(expected, await SysIdsAsync(query));
    }

    [Fact]
    public async Task OrderBy_SortsByEachKeyInTurn_AndMayAppearAnywhere()
    {
        using var response = await client.GetTableAsync(Computers,
            ("sysparm_query", "ORDERBYDESCused_for^virtual=true^ORDERBYname"), ("sysparm_fields", "sys_id,used_for,name"));

        var names = (await response.ResultAsync()).Select(r => (r.Text("used_for"), r.Text("name"))).ToList();
        var expected = computers.Where(r => r.Text("virtual") == "true")
            .Select(r => (r.Text("used_for"), r.Text("name")))
            .OrderByDescending(x => x.Item1, StringComparer.Ordinal).ThenBy(x => x.Item2, StringComparer.Ordinal);
        Assert.Equal(expected, names);
    }

    [Fact]
    public async Task UnknownField_IsIgnored()
    {
        var expected = computers.Where(r => r.Text("virtual") == "true").Select(r => r.Text("sys_id")).Order(StringComparer.Ordinal);

        Assert.Equal(expected, await SysIdsAsync("no_such_field=1^virtual=true^ORDERBYno_such_field"));
    }

    [Fact]
    public async Task DotWalk_FollowsTheReferenceIntoAnyTable()
    {
        using var response = await client.GetTableAsync(Relationships,
            ("sysparm_query", "parent.sys_class_name=cmdb_ci_business_app"), ("sysparm_exclude_reference_link", "true"), ("sysparm_fields", "parent,child"));

        var rows = await response.ResultAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.NotNull(emulator.Instance.Get(Applications, r.Text("parent"))));
        var all = await client.AllRowsAsync(Relationships, "sys_id,parent");
        Assert.Equal(all.Count(r => emulator.Instance.Get(Applications, r.Text("parent")) is not null), rows.Count);
    }

    [Fact]
    public async Task DotWalk_OnDevices_SelectsByTheApplicationsCriticality()
    {
        var applications = await client.AllRowsAsync(Applications);
        var critical = applications.Where(a => a.Text("business_criticality") == "1 - most critical").Select(a => a.Text("sys_id")).ToHashSet();
        var expected = computers.Where(r => critical.Contains(r.Text("u_primary_business_application"))).Select(r => r.Text("sys_id")).Order(StringComparer.Ordinal);

        Assert.Equal(expected, await SysIdsAsync("u_primary_business_application.business_criticality=1 - most critical"));
    }

    [Fact]
    public async Task KeyRange_CombinesWithOtherConditions()
    {
        var middle = computers.Select(r => r.Text("sys_id")).Order(StringComparer.Ordinal).ElementAt(40);
        var expected = computers
            .Where(r => string.CompareOrdinal(r.Text("sys_id"), middle) > 0 && r.Text("virtual") == "false")
            .Select(r => r.Text("sys_id")).Order(StringComparer.Ordinal).ToList();

        using var response = await client.GetTableAsync(Computers,
            ("sysparm_query", $"sys_id>{middle}^virtual=false^ORDERBYsys_id"), ("sysparm_fields", "sys_id"), ("sysparm_limit", "7"));

        Assert.Equal(expected.Count, response.TotalCount());
        Assert.Equal(expected.Take(7), (await response.ResultAsync()).Select(r => r.Text("sys_id")));
    }

    private static Func<JsonElement, bool> Predicate(string query) => query switch
    {
        "sys_class_name=cmdb_ci_linux_server" => r => r.Text("sys_class_name") == "cmdb_ci_linux_server",
        "sys_class_name!=cmdb_ci_computer" => r => r.Text("sys_class_name") != "cmdb_ci_computer",
        "business_criticality>2 - somewhat critical" => r => string.CompareOrdinal(r.Text("business_criticality"), "2 - somewhat critical") > 0,
        "business_criticality>=2 - somewhat critical" => r => string.CompareOrdinal(r.Text("business_criticality"), "2 - somewhat critical") >= 0,
        "business_criticality<2 - somewhat critical" => r => string.CompareOrdinal(r.Text("business_criticality"), "2 - somewhat critical") < 0,
        "business_criticality<=2 - somewhat critical" => r => string.CompareOrdinal(r.Text("business_criticality"), "2 - somewhat critical") <= 0,
        "business_criticalityISEMPTY" => r => r.Text("business_criticality").Length == 0,
        "business_criticalityISNOTEMPTY" => r => r.Text("business_criticality").Length != 0,
        "used_forINProduction,QA" => r => r.Text("used_for") is "Production" or "QA",
        "nameSTARTSWITHsrv-win" => r => r.Text("name").StartsWith("SRV-WIN", StringComparison.Ordinal),
        "nameLIKE00001" => r => r.Text("name").Contains("00001", StringComparison.Ordinal),
        _ => throw new ArgumentOutOfRangeException(nameof(query), query, "No filter written for this query."),
    };

    private async Task<List<string>> SysIdsAsync(string query)
    {
        using var response = await client.GetTableAsync(Computers, ("sysparm_query", query), ("sysparm_fields", "sys_id"));
        var ids = (await response.ResultAsync()).Select(r => r.Text("sys_id")).ToList();
        Assert.Equal(ids.Count, response.TotalCount());
        return ids;
    }
}
