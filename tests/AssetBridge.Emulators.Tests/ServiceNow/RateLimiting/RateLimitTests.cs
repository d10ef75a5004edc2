using System.Globalization;
using System.Net;
using AssetBridge.Emulators.ServiceNow;
using AssetBridge.Emulators.Tests.ServiceNow.Support;
using static AssetBridge.Emulators.Tests.ServiceNow.Support.Emulator;

namespace AssetBridge.Emulators.Tests.ServiceNow.RateLimiting;

public sealed class RateLimitTests
{
    [Fact]
    public async Task RateLimit_Answers429WithHeaders_WhenTheBucketIsEmpty()
    {
        var clock = new ManualClock();
        await using var emulator = await StartAsync(o => (o.RateLimitPerSecond, o.TimeProvider) = (2, clock));
        using var client = Client(emulator);

        using var first = await client.GetTableAsync(Applications);
        using var second = await client.GetTableAsync(Applications);
        using var third = await client.GetTableAsync(Applications);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), third.Headers.RetryAfter!.Delta);
        Assert.Equal("2", third.Header("X-RateLimit-Limit"));
        Assert.Equal((clock.GetUtcNow().ToUnixTimeSeconds() + 1).ToString(CultureInfo.InvariantCulture), third.Header("X-RateLimit-Reset"));
        Assert.Matches("^[0-9a-f]{32}$", third.Header("X-RateLimit-Rule"));
        var error = (await third.JsonAsync()).GetProperty("error");
        Assert.Equal("Rate limit exceeded", error.Text("message"));
        Assert.Equal("Rate limit of 2 requests per second for Table API exceeded", error.Text("detail"));
        Assert.Equal(0, emulator.Stats.RateLimitViolations);
    }

    [Fact]
    public async Task RequestsBeforeTheReset_CountAsViolations_AndAfterItSucceed()
    {
        var clock = new ManualClock();
        await using var emulator = await StartAsync(o => (o.RateLimitPerSecond, o.TimeProvider) = (1, clock));
        using var client = Client(emulator);
        using var allowed = await client.GetTableAsync(Applications);
        using var limited = await client.GetTableAsync(Applications);

        clock.Advance(TimeSpan.FromMilliseconds(999));
        using var tooEarly = await client.GetTableAsync(Applications);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        using var onTime = await client.GetTableAsync(Applications);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, tooEarly.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onTime.StatusCode);
        Assert.Equal(1, emulator.Stats.RateLimitViolations);
        Assert.Equal(2, emulator.Stats.CountOfStatus(429));
    }

    [Fact]
    public async Task RateLimit_IsPerUser()
    {
        var clock = new ManualClock();
        await using var emulator = await StartAsync(o =>
        {
            (o.RateLimitPerSecond, o.TimeProvider) = (1, clock);
            o.Users.Add(new EmulatorUser("other", "pw", ["cmdb_read"]));
        });
        using var first = Client(emulator);
        using var second = Client(emulator, "other", "pw");
        using var a = await first.GetTableAsync(Applications);
        using var b = await first.GetTableAsync(Applications);

        using var c = await second.GetTableAsync(Applications);

        Assert.Equal(HttpStatusCode.TooManyRequests, b.StatusCode);
        Assert.Equal(HttpStatusCode.OK, c.StatusCode);
    }

    [Fact]
    public async Task Bucket_RefillsAtTheConfiguredRate()
    {
        var clock = new ManualClock();
        await using var emulator = await StartAsync(o => (o.RateLimitPerSecond, o.TimeProvider) = (4, clock));
        using var client = Client(emulator);
        for (var i = 0; i < 4; i++)
        {
            using var drain = await client.GetTableAsync(Applications);
            Assert.Equal(HttpStatusCode.OK, drain.StatusCode);
        }

        clock.Advance(TimeSpan.FromMilliseconds(500));
        using var refilledOne = await client.GetTableAsync(Applications);
        using var refilledTwo = await client.GetTableAsync(Applications);
        using var empty = await client.GetTableAsync(Applications);

        Assert.Equal(HttpStatusCode.OK, refilledOne.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refilledTwo.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, empty.StatusCode);
    }
}
