using AssetBridge.Emulators.Tests.ServiceNow.Support;
using static AssetBridge.Emulators.Tests.ServiceNow.Support.Emulator;

namespace AssetBridge.Emulators.Tests.ServiceNow.Api;

public sealed class PagingTests
{
    [Fact]
    public async Task List_SendsTotalCountAndLinks_WhenRowsSpanSeveralPages()
    {
        await using var emulator = await StartAsync(o => o.Devices = 45);
        using var client = Client(emulator);

        using var response = await client.GetTableAsync(Computers, ("sysparm_limit", "10"), ("sysparm_offset", "20"), ("sysparm_fields", "sys_id"));

        Assert.Equal(45, response.TotalCount());
        Assert.Equal(10, (await response.ResultAsync()).Count);
        var links = response.Header("Link")!;
        var prefix = $"<{emulator.BaseAddress}api/now/table/{Computers}?";
        Assert.Contains(prefix + "sysparm_offset=0&sysparm_limit=10&sysparm_fields=sys_id>;rel=\"first\"", links, StringComparison.Ordinal);
        Assert.Contains(prefix + "sysparm_offset=10&sysparm_limit=10&sysparm_fields=sys_id>;rel=\"prev\"", links, StringComparison.Ordinal);
        Assert.Contains(prefix + "sysparm_offset=30&sysparm_limit=10&sysparm_fields=sys_id>;rel=\"next\"", links, StringComparison.Ordinal);
        Assert.Contains(prefix + "sysparm_offset=40&sysparm_limit=10&sysparm_fields=sys_id>;rel=\"last\"", links, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_HasNoLinkHeader_WhenEverythingFitsOnOnePage()
    {
        await using var emulator = await StartAsync(o => o.Devices = 8);
        using var client = Client(emulator);

        using var response = await client.GetTableAsync(Computers, ("sysparm_limit", "10"));

        Assert.Null(response.Header("Link"));
        Assert.Equal(8, response.TotalCount());
        Assert.Equal(8, (await response.ResultAsync()).Count);
    }

    [Fact]
    public async Task List_OmitsTotalCountAndLast_WhenNoCountIsAsked()
    {
        await using var emulator = await StartAsync(o => o.Devices = 30);
        using var client = Client(emulator);

        using var response = await client.GetTableAsync(Computers, ("sysparm_limit", "10"), ("sysparm_no_count", "true"));

        Assert.Null(response.TotalCount());
        var links = response.Header("Link")!;
        Assert.Contains("rel=\"next\"", links, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"last\"", links, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_OmitsLinkHeader_WhenPaginationHeaderIsSuppressed()
    {
        await using var emulator = await StartAsync(o => o.Devices = 30);
        using var client = Client(emulator);

        using var response = await client.GetTableAsync(Computers, ("sysparm_limit", "10"), ("sysparm_suppress_pagination_header", "true"));

        Assert.Null(response.Header("Link"));
        Assert.Equal(30, response.TotalCount());
    }

    [Fact]
    public async Task List_DefaultsToTenThousandRowsInSysIdOrder()
    {
        await using var emulator = await StartAsync(o => o.Devices = 40);
        using var client = Client(emulator);

        using var response = await client.GetTableAsync(Computers, ("sysparm_fields", "sys_id"));

        var ids = (await response.ResultAsync()).Select(r => r.Text("sys_id")).ToList();
        Assert.Equal(40, ids.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(emulator.Instance.SysIds(Computers), ids);
    }

    [Fact]
    public async Task KeysetPaging_ReturnsEveryRowOnceInOrder()
    {
        await using var emulator = await StartAsync(o => o.Devices = 250);
        using var client = Client(emulator);

        var ids = new List<string>();
        var last = string.Empty;
        while (true)
        {
            var query = last.Length == 0 ? "ORDERBYsys_id" : $"sys_id>{last}^ORDERBYsys_id";
            using var response = await client.GetTableAsync(Adapters, ("sysparm_query", query), ("sysparm_limit", "37"), ("sysparm_fields", "sys_id"));
            var page = await response.ResultAsync();
            if (page.Count == 0)
            {
                break;
            }

            ids.AddRange(page.Select(r => r.Text("sys_id")));
            last = ids[^1];
        }

        Assert.Equal(500, ids.Count);
        Assert.Equal(emulator.Instance.SysIds(Adapters), ids);
    }

    [Fact]
    public async Task WatermarkPaging_ReturnsEveryRowUpdatedAfterTheWatermarkOnceInOrder()
    {
        await using var emulator = await StartAsync(o => o.Devices = 300);
        using var client = Client(emulator);
        var all = await client.AllRowsAsync(Computers, "sys_id,sys_updated_on");
        var ordered = all.OrderBy(r => r.Text("sys_updated_on"), StringComparer.Ordinal).ThenBy(r => r.Text("sys_id"), StringComparer.Ordinal).ToList();

        // Start mid-second, as a cursor saved after a page would.
        var (time, sysId) = (ordered[100].Text("sys_updated_on"), ordered[100].Text("sys_id"));
        var seen = new List<string>();
        while (true)
        {
            var query = $"sys_updated_on>{time}^NQsys_updated_on={time}^sys_id>{sysId}^ORDERBYsys_updated_on^ORDERBYsys_id";
            using var response = await client.GetTableAsync(Computers, ("sysparm_query", query), ("sysparm_limit", "25"), ("sysparm_fields", "sys_id,sys_updated_on"));
            var page = await response.ResultAsync();
            if (page.Count == 0)
            {
                break;
            }

            seen.AddRange(page.Select(r => r.Text("sys_id")));
            (time, sysId) = (page[^1].Text("sys_updated_on"), page[^1].Text("sys_id"));
        }

        Assert.Equal(ordered.Skip(101).Select(r => r.Text("sys_id")), seen);
    }

    [Fact]
    public async Task WatermarkQuery_CountsRowsAfterTheCursor()
    {
        await using var emulator = await StartAsync(o => o.Devices = 200);
        using var client = Client(emulator);
        var ordered = (await client.AllRowsAsync(Computers, "sys_id,sys_updated_on"))
            .OrderBy(r => r.Text("sys_updated_on"), StringComparer.Ordinal).ThenBy(r => r.Text("sys_id"), StringComparer.Ordinal).ToList();
        var (time, sysId) = (ordered[49].Text("sys_updated_on"), ordered[49].Text("sys_id"));

        using var response = await client.GetTableAsync(Computers,
            ("sysparm_query", $"sys_updated_on>{time}^NQsys_updated_on={time}^sys_id>{sysId}^ORDERBYsys_updated_on^ORDERBYsys_id"),
            ("sysparm_limit", "10"));

        Assert.Equal(150, response.TotalCount());
    }

    [Fact]
    public async Task GeneratedData_SharesUpdateSeconds_SoWatermarksMeetTies()
    {
        await using var emulator = await StartAsync(o => o.Devices = 200);
        using var client = Client(emulator);

        var rows = await client.AllRowsAsync(Computers, "sys_id,sys_updated_on");

        var largestSecond = rows.GroupBy(r => r.Text("sys_updated_on")).Max(g => g.Count());
        Assert.True(largestSecond >= 5, $"Expected many rows per second, the largest group has {largestSecond}.");
    }

    [Fact]
    public async Task VersionTwoPath_AnswersEmptyResultWith200()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        using var response = await client.GetAsync($"api/now/v2/table/{Computers}?sysparm_query=name%3Dnothing-by-this-name");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.ResultAsync());
    }

    [Fact]
    public async Task VersionOnePath_AnswersEmptyResultWith404()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        using var response = await client.GetAsync($"api/now/v1/table/{Computers}?sysparm_query=name%3Dnothing-by-this-name");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No Record found", (await response.JsonAsync()).GetProperty("error").Text("message"));
    }
}
