using System.Net;
using System.Text.Json;
using AssetBridge.Emulators.Tests.ServiceNow.Support;
using static AssetBridge.Emulators.Tests.ServiceNow.Support.Emulator;

namespace AssetBridge.Emulators.Tests.ServiceNow.Api;

public sealed class RecordShapeTests
{
    [Fact]
    public async Task Fields_ProjectsTheAskedFieldsOnly_AndLeavesUnknownFieldsOut()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        using var response = await client.GetTableAsync(Computers, ("sysparm_fields", "name,sys_id,no_such_field"), ("sysparm_limit", "3"));

        foreach (var record in await response.ResultAsync())
        {
            Assert.Equal(["name", "sys_id"], record.EnumerateObject().Select(p => p.Name));
            Assert.All(record.EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
        }
    }

    [Fact]
    public async Task AllValues_AreStrings_WithEmptyStringForEmpty()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        using var response = await client.GetTableAsync(Computers, ("sysparm_exclude_reference_link", "true"));

        var records = await response.ResultAsync();
        Assert.All(records.SelectMany(r => r.EnumerateObject()), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
        Assert.Contains(records, r => r.Text("business_criticality").Length == 0);
    }

    [Fact]
    public async Task Reference_IsPlainSysId_WhenLinksAreExcluded()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        using var response = await client.GetTableAsync(Adapters, ("sysparm_fields", "cmdb_ci"), ("sysparm_exclude_reference_link", "true"), ("sysparm_limit", "1"));

        var reference = (await response.ResultAsync())[0].GetProperty("cmdb_ci");
        Assert.Equal(JsonValueKind.String, reference.ValueKind);
        Assert.Matches("^[0-9a-f]{32}$", reference.GetString());
    }

    [Fact]
    public async Task Reference_IsLinkAndValue_ByDefault()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        using var response = await client.GetTableAsync(Adapters, ("sysparm_fields", "cmdb_ci"), ("sysparm_limit", "1"));

        var reference = (await response.ResultAsync())[0].GetProperty("cmdb_ci");
        var value = reference.Text("value");
        Assert.Equal($"{emulator.BaseAddress}api/now/table/cmdb_ci/{value}", reference.Text("link"));
        Assert.NotNull(emulator.Instance.Get(Computers, value));
    }

    [Fact]
    public async Task ReferenceLink_LeadsToTheReferencedRecord()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);
        using var list = await client.GetTableAsync(Adapters, ("sysparm_fields", "cmdb_ci"), ("sysparm_limit", "1"));
        var reference = (await list.ResultAsync())[0].GetProperty("cmdb_ci");

        using var response = await client.GetAsync(new Uri(reference.Text("link")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = (await response.JsonAsync()).GetProperty("result");
        Assert.Equal(reference.Text("value"), record.Text("sys_id"));
    }

    [Fact]
    public async Task EmptyReference_IsEmptyString_WhateverTheLinkSetting()
    {
        await using var emulator = await StartAsync(o => o.Devices = 100);
        using var client = Client(emulator);

        using var response = await client.GetTableAsync(Computers, ("sysparm_fields", "u_primary_business_application"), ("sysparm_query", "u_primary_business_applicationISEMPTY"));

        var records = await response.ResultAsync();
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.Equal(string.Empty, r.Text("u_primary_business_application")));
    }

    [Fact]
    public async Task DisplayValueAll_GivesDisplayAndValue_AndLinkForReferences()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        using var response = await client.GetTableAsync(Relationships, ("sysparm_fields", "type,sys_id"), ("sysparm_display_value", "all"), ("sysparm_limit", "1"));

        var record = (await response.ResultAsync())[0];
        var type = record.GetProperty("type");
        Assert.Equal("Depends on::Used by", type.Text("display_value"));
        Assert.Equal("1a9cb166f1571100a92eb60da2bce5c5", type.Text("value"));
        Assert.EndsWith("/api/now/table/cmdb_rel_type/1a9cb166f1571100a92eb60da2bce5c5", type.Text("link"), StringComparison.Ordinal);
        var sysId = record.GetProperty("sys_id");
        Assert.Equal(sysId.Text("value"), sysId.Text("display_value"));
    }

    [Fact]
    public async Task DisplayValueAll_OmitsLink_WhenLinksAreExcluded()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        using var response = await client.GetTableAsync(Adapters,
            ("sysparm_fields", "cmdb_ci"), ("sysparm_display_value", "all"), ("sysparm_exclude_reference_link", "true"), ("sysparm_limit", "1"));

        var reference = (await response.ResultAsync())[0].GetProperty("cmdb_ci");
        Assert.Equal(["display_value", "value"], reference.EnumerateObject().Select(p => p.Name));
        Assert.Equal(emulator.Instance.Get(Computers, reference.Text("value"))!["name"], reference.Text("display_value"));
    }

    [Fact]
    public async Task DisplayValueTrue_GivesDisplayStrings()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        using var response = await client.GetTableAsync(Adapters,
            ("sysparm_fields", "cmdb_ci,sys_class_name"), ("sysparm_display_value", "true"), ("sysparm_exclude_reference_link", "true"), ("sysparm_limit", "1"));

        var record = (await response.ResultAsync())[0];
        Assert.Equal("Network Adapter", record.Text("sys_class_name"));
        var firstAdapter = emulator.Instance.Get(Adapters, emulator.Instance.SysIds(Adapters).First())!;
        Assert.Equal(emulator.Instance.Get(Computers, firstAdapter["cmdb_ci"]!)!["name"], record.Text("cmdb_ci"));
    }

    [Fact]
    public async Task DisplayValueTrue_GivesDisplayAndLink_WhenLinksAreNotExcluded()
    {
        // As in stackstate's cmdb_ci_result_200.json: {"display_value","link"}, no "value".
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        using var response = await client.GetTableAsync(Adapters, ("sysparm_fields", "cmdb_ci"), ("sysparm_display_value", "true"), ("sysparm_limit", "1"));

        var reference = (await response.ResultAsync())[0].GetProperty("cmdb_ci");
        Assert.Equal(["display_value", "link"], reference.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Fields_FollowDotWalks()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        using var response = await client.GetTableAsync(Adapters, ("sysparm_fields", "cmdb_ci,cmdb_ci.name"), ("sysparm_exclude_reference_link", "true"), ("sysparm_limit", "5"));

        foreach (var record in await response.ResultAsync())
        {
            Assert.Equal(emulator.Instance.Get(Computers, record.Text("cmdb_ci"))!["name"], record.Text("cmdb_ci.name"));
        }
    }

    [Fact]
    public async Task SingleRecord_IsAnObject()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);
        var sysId = emulator.Instance.SysIds(Applications).First();

        using var response = await client.GetAsync($"api/now/table/{Applications}/{sysId}?sysparm_fields=sys_id,number");

        var result = (await response.JsonAsync()).GetProperty("result");
        Assert.Equal(JsonValueKind.Object, result.ValueKind);
        Assert.Equal(sysId, result.Text("sys_id"));
        Assert.StartsWith("APM", result.Text("number"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SingleRecord_Answers404Envelope_WhenMissing()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        using var response = await client.GetAsync($"api/now/table/{Computers}/0123456789abcdef0123456789abcdef");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(
            """{"error":{"message":"No Record found","detail":"Record doesn't exist or ACL restricts the record retrieval"},"status":"failure"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Names_WithQuotesAndNonAscii_RoundTrip()
    {
        await using var emulator = await StartAsync(o => o.Devices = 100);
        using var client = Client(emulator);

        using var response = await client.GetTableAsync(Computers, ("sysparm_fields", "name"), ("sysparm_query", "nameSTARTSWITHBüro"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Büro-PC", body, StringComparison.Ordinal);
        Assert.NotEmpty(await response.ResultAsync());
    }

    [Fact]
    public async Task UnknownTable_Answers400WithNullDetail()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        using var response = await client.GetTableAsync("cmdb_ci_nonsense");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"error":{"message":"Invalid table cmdb_ci_nonsense","detail":null},"status":"failure"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownPath_AnswersNotPartOfTheApi()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        using var response = await client.GetAsync("api/now/nothing/here");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The resource you requested is not part of the API.", (await response.JsonAsync()).GetProperty("error").Text("message"));
    }

    [Fact]
    public async Task BaseClassTable_ListsEveryConfigurationItem()
    {
        await using var emulator = await StartAsync(o => (o.Devices, o.AdaptersPerDevice, o.Applications) = (10, 1, 3));
        using var client = Client(emulator);

        using var response = await client.GetTableAsync("cmdb_ci", ("sysparm_fields", "sys_id,sys_class_name"));

        Assert.Equal(23, response.TotalCount());
        var classes = (await response.ResultAsync()).Select(r => r.Text("sys_class_name")).ToHashSet();
        Assert.Contains("cmdb_ci_network_adapter", classes);
        Assert.Contains("cmdb_ci_business_app", classes);
    }
}
