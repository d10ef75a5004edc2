using System.Net;
using System.Net.Http.Headers;
using AssetBridge.Emulators.Tests.Azure.Support;
using ManualClock = AssetBridge.Emulators.Tests.ServiceNow.Support.ManualClock;
using static AssetBridge.Emulators.Tests.Azure.Support.AzureTestEmulator;

namespace AssetBridge.Emulators.Tests.Azure.Arm;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task MissingToken_Answers401WithABearerChallenge()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        using var response = await client.GetAsync(SubscriptionsPath);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("AuthenticationFailed", (await response.JsonAsync()).Text("error.code"));
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.Null(response.Header("x-ms-ratelimit-remaining-tenant-reads"));
    }

    [Fact]
    public async Task ForgedToken_Answers401InvalidAuthenticationToken()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);
        var token = await client.SecretTokenAsync(emulator);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"));

        using var response = await client.GetAsync(SubscriptionsPath);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("InvalidAuthenticationToken", (await response.JsonAsync()).Text("error.code"));
    }

    [Fact]
    public async Task ExpiredToken_Answers401ExpiredAuthenticationToken()
    {
        var clock = new ManualClock();
        await using var emulator = await StartAsync(o => o.TimeProvider = clock);
        using var client = await ArmClientAsync(emulator);

        clock.Advance(TimeSpan.FromSeconds(3599));
        using var response = await client.GetAsync(SubscriptionsPath);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await response.JsonAsync();
        Assert.Equal("ExpiredAuthenticationToken", error.Text("error.code"));
        Assert.StartsWith("The access token expiry UTC time '3/1/2026 12:59:59 PM' is earlier than current UTC time", error.Text("error.message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenOfTheSameClock_IsAcceptedUntilItExpires()
    {
        var clock = new ManualClock();
        await using var emulator = await StartAsync(o => (o.TimeProvider, o.TokenLifetime) = (clock, TimeSpan.FromMinutes(5)));
        using var client = await ArmClientAsync(emulator);

        clock.Advance(TimeSpan.FromSeconds(299));
        using var before = await client.GetAsync(SubscriptionsPath);
        clock.Advance(TimeSpan.FromSeconds(1));
        using var after = await client.GetAsync(SubscriptionsPath);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Theory]
    [InlineData("subscriptions", "MissingApiVersionParameter")]
    [InlineData("subscriptions?api-version=latest", "InvalidApiVersionParameter")]
    public async Task ApiVersion_IsRequiredAndADate(string path, string code)
    {
        await using var emulator = await StartAsync();
        using var client = await ArmClientAsync(emulator);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (await response.JsonAsync()).Text("error.code"));
    }

    [Fact]
    public async Task UnknownPath_Answers404WithAnArmErrorBody()
    {
        await using var emulator = await StartAsync();
        using var client = await ArmClientAsync(emulator);

        using var response = await client.GetAsync("providers/Microsoft.Compute/operations?api-version=2025-04-01");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NotFound", (await response.JsonAsync()).Text("error.code"));
    }
}
