using AssetBridge.Emulators.Tests.ServiceNow.Support;
using static AssetBridge.Emulators.Tests.ServiceNow.Support.Emulator;

namespace AssetBridge.Emulators.Tests.ServiceNow.Acl;

public sealed class HiddenRowsTests
{
    [Fact]
    public async Task HiddenRows_ShortenPages_WhileTheCountStaysPreAcl()
    {
        await using var emulator = await StartAsync(o => (o.Devices, o.HiddenFraction) = (200, 0.3));
        using var client = Client(emulator);

        using var response = await client.GetTableAsync(Computers, ("sysparm_limit", "50"), ("sysparm_fields", "sys_id"));

        var page = await response.ResultAsync();
        Assert.Equal(200, response.TotalCount());
        Assert.InRange(page.Count, 20, 49);
        var firstFifty = emulator.Instance.SysIds(Computers).Take(50).ToList();
        Assert.Equal(firstFifty.Where(id => !emulator.Instance.IsHidden(id)), page.Select(r => r.Text("sys_id")));
    }

    [Fact]
    public async Task LimitAppliesBeforeTheAcl_SoAPageCanBeEmptyWhileRowsFollow()
    {
        await using var emulator = await StartAsync(o => (o.Devices, o.HiddenFraction) = (100, 0.5));
        using var client = Client(emulator);
        var ids = emulator.Instance.SysIds(Computers).ToList();
        var hidden = ids.FindIndex(emulator.Instance.IsHidden);

        using var response = await client.GetTableAsync(Computers, ("sysparm_limit", "1"), ("sysparm_offset", hidden.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Empty(await response.ResultAsync());
        Assert.Equal(100, response.TotalCount());
        Assert.Contains("rel=\"next\"", response.Header("Link"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OffsetPaging_ReturnsExactlyTheVisibleRows()
    {
        await using var emulator = await StartAsync(o => (o.Devices, o.HiddenFraction) = (150, 0.25));
        using var client = Client(emulator);

        var seen = new List<string>();
        for (var offset = 0; offset < 150; offset += 20)
        {
            using var response = await client.GetTableAsync(Computers,
                ("sysparm_query", "ORDERBYsys_id"), ("sysparm_limit", "20"), ("sysparm_offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("sysparm_fields", "sys_id"));
            seen.AddRange((await response.ResultAsync()).Select(r => r.Text("sys_id")));
        }

        Assert.Equal(emulator.Instance.SysIds(Computers).Where(id => !emulator.Instance.IsHidden(id)), seen);
        Assert.InRange(seen.Count, 90, 135);
    }

    [Fact]
    public async Task HiddenRecord_Answers404_WhenAskedForDirectly()
    {
        await using var emulator = await StartAsync(o => (o.Devices, o.HiddenFraction) = (60, 0.5));
        using var client = Client(emulator);
        var hidden = emulator.Instance.SysIds(Computers).First(emulator.Instance.IsHidden);

        using var response = await client.GetAsync($"api/now/table/{Computers}/{hidden}");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
