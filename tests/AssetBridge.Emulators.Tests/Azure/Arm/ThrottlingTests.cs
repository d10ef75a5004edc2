using System.Net;
using AssetBridge.Emulators.Tests.Azure.Support;
using static AssetBridge.Emulators.Tests.Azure.Support.AzureTestEmulator;
using ManualClock = AssetBridge.Emulators.Tests.ServiceNow.Support.ManualClock;

namespace AssetBridge.Emulators.Tests.Azure.Arm;

public sealed class ThrottlingTests
{
    [Fact]
    public async Task RemainingReads_CountDownWithEachRead()
    {
        var clock = new ManualClock();
        await using var emulator = await StartAsync(o => o.TimeProvider = clock);
        using var client = await ArmClientAsync(emulator);
        var path = VmsPath(emulator.Estate.Subscriptions[0].SubscriptionId);

        using var first = await client.GetAsync(path);
        using var second = await client.GetAsync(path);
        using var tenant = await client.GetAsync(SubscriptionsPath);

        Assert.Equal(249, first.RemainingReads());
        Assert.Equal(248, second.RemainingReads());
        Assert.Equal(249, tenant.RemainingReads("tenant"));
        Assert.Null(tenant.Header("x-ms-ratelimit-remaining-subscription-reads"));
    }

    [Fact]
    public async Task EmptyBucket_Answers429WithRetryAfter_ThenRefillsWithTheClock()
    {
        var clock = new ManualClock();
        await using var emulator = await StartAsync(o => (o.TimeProvider, o.ReadBucketSize, o.ReadRefillPerSecond) = (clock, 3, 0.4));
        using var client = await ArmClientAsync(emulator);
        var path = NicsPath(emulator.Estate.Subscriptions[0].SubscriptionId);
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var throttled = await client.GetAsync(path);
        clock.Advance(TimeSpan.FromSeconds(2));
        using var tooEarly = await client.GetAsync(path);
        clock.Advance(TimeSpan.FromSeconds(0.5));
        using var refilled = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), throttled.Headers.RetryAfter!.Delta);
        Assert.Equal(0, throttled.RemainingReads());
        var error = await throttled.JsonAsync();
        Assert.Equal("TooManyRequests", error.Text("error.code"));
        Assert.StartsWith("Number of 'read' requests for subscription", error.Text("error.message"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, tooEarly.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), tooEarly.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.OK, refilled.StatusCode);
        Assert.Equal(2, emulator.Stats.Throttled);
    }

    [Fact]
    public async Task Buckets_ArePerSubscription_AndTenantReadsHaveTheirOwn()
    {
        var clock = new ManualClock();
        await using var emulator = await StartAsync(o => (o.TimeProvider, o.ReadBucketSize, o.ReadRefillPerSecond) = (clock, 1, 1));
        using var client = await ArmClientAsync(emulator);
        var (first, second) = (emulator.Estate.Subscriptions[0].SubscriptionId, emulator.Estate.Subscriptions[1].SubscriptionId);

        using var a = await client.GetAsync(VmsPath(first));
        using var b = await client.GetAsync(VmsPath(first));
        using var c = await client.GetAsync(VmsPath(second));
        using var d = await client.GetAsync(SubscriptionsPath);

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK, HttpStatusCode.OK],
            new[] { a, b, c, d }.Select(r => r.StatusCode));
    }
}
