using System.Net;
using AssetBridge.Emulators.ServiceNow;
using AssetBridge.Emulators.Tests.ServiceNow.Support;
using static AssetBridge.Emulators.Tests.ServiceNow.Support.Emulator;

namespace AssetBridge.Emulators.Tests.ServiceNow.Auth;

public sealed class OAuthTests
{
    private const string DeniedBody = """{"error_description":"access_denied","error":"server_error"}""";

    [Fact]
    public async Task ClientCredentials_IssuesABearerTokenThatRunsAsTheClientsUser()
    {
        await using var emulator = await StartOAuthAsync(new ManualClock());
        using var anonymous = Client(emulator, username: null);

        using var reply = await TokenAsync(anonymous, ("grant_type", "client_credentials"), ("client_id", "app"), ("client_secret", "s3cret"));

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var token = await reply.JsonAsync();
        Assert.Equal("Bearer", token.Text("token_type"));
        Assert.Equal("useraccount", token.Text("scope"));
        Assert.Equal(1799, token.GetProperty("expires_in").GetInt32());
        Assert.False(string.IsNullOrEmpty(token.Text("refresh_token")));
        using var bearer = BearerClient(emulator, token.Text("access_token"));
        using var response = await bearer.GetTableAsync(Computers, ("sysparm_limit", "3"));
        Assert.Equal(3, (await response.ResultAsync()).Count);
        Assert.Equal("assetbridge", emulator.Stats.RecentRequests[^1].Username);
        Assert.Equal(1, emulator.Stats.TokensIssued);
    }

    [Fact]
    public async Task PasswordGrant_IssuesATokenForTheUser()
    {
        await using var emulator = await StartOAuthAsync(new ManualClock());
        using var anonymous = Client(emulator, username: null);

        using var reply = await TokenAsync(anonymous,
            ("grant_type", "password"), ("client_id", "app"), ("client_secret", "s3cret"), ("username", "assetbridge"), ("password", "assetbridge"));

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        using var bearer = BearerClient(emulator, (await reply.JsonAsync()).Text("access_token"));
        using var response = await bearer.GetTableAsync(Applications);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("client_credentials", "app", "wrong", "", "")]
    [InlineData("client_credentials", "unknown", "s3cret", "", "")]
    [InlineData("password", "app", "s3cret", "assetbridge", "wrong")]
    [InlineData("client_credentials", "no-user-app", "s3cret", "", "")]
    [InlineData("authorization_code", "app", "s3cret", "", "")]
    public async Task TokenRequest_Answers401AccessDenied_WhenTheClientOrUserIsWrong(string grant, string clientId, string secret, string username, string password)
    {
        await using var emulator = await StartOAuthAsync(new ManualClock());
        using var anonymous = Client(emulator, username: null);

        using var reply = await TokenAsync(anonymous,
            ("grant_type", grant), ("client_id", clientId), ("client_secret", secret), ("username", username), ("password", password));

        Assert.Equal(HttpStatusCode.Unauthorized, reply.StatusCode);
        Assert.Equal(DeniedBody, await reply.Content.ReadAsStringAsync());
        Assert.Equal(0, emulator.Stats.TokensIssued);
    }

    [Fact]
    public async Task BearerToken_Answers401_OnceItHasExpired()
    {
        var clock = new ManualClock();
        await using var emulator = await StartOAuthAsync(clock);
        using var anonymous = Client(emulator, username: null);
        using var reply = await TokenAsync(anonymous, ("grant_type", "client_credentials"), ("client_id", "app"), ("client_secret", "s3cret"));
        using var bearer = BearerClient(emulator, (await reply.JsonAsync()).Text("access_token"));

        clock.Advance(TimeSpan.FromSeconds(1798));
        using var beforeExpiry = await bearer.GetTableAsync(Applications);
        clock.Advance(TimeSpan.FromSeconds(1));
        using var atExpiry = await bearer.GetTableAsync(Applications);

        Assert.Equal(HttpStatusCode.OK, beforeExpiry.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, atExpiry.StatusCode);
        Assert.Equal("User Not Authenticated", (await atExpiry.JsonAsync()).GetProperty("error").Text("message"));
    }

    [Fact]
    public async Task RefreshGrant_IssuesAFreshToken_AfterTheOldOneExpired()
    {
        var clock = new ManualClock();
        await using var emulator = await StartOAuthAsync(clock);
        using var anonymous = Client(emulator, username: null);
        using var first = await TokenAsync(anonymous,
            ("grant_type", "password"), ("client_id", "app"), ("client_secret", "s3cret"), ("username", "assetbridge"), ("password", "assetbridge"));
        var refreshToken = (await first.JsonAsync()).Text("refresh_token");
        clock.Advance(TimeSpan.FromHours(1));

        using var second = await TokenAsync(anonymous, ("grant_type", "refresh_token"), ("client_id", "app"), ("client_secret", "s3cret"), ("refresh_token", refreshToken));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        using var bearer = BearerClient(emulator, (await second.JsonAsync()).Text("access_token"));
        using var response = await bearer.GetTableAsync(Applications);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, emulator.Stats.TokensIssued);
        Assert.Equal(1, emulator.Stats.TokensIssuedByGrant["refresh_token"]);
    }

    [Fact]
    public async Task RefreshGrant_Answers401_ForAnUnknownRefreshToken()
    {
        await using var emulator = await StartOAuthAsync(new ManualClock());
        using var anonymous = Client(emulator, username: null);

        using var reply = await TokenAsync(anonymous, ("grant_type", "refresh_token"), ("client_id", "app"), ("client_secret", "s3cret"), ("refresh_token", "nope"));

        Assert.Equal(HttpStatusCode.Unauthorized, reply.StatusCode);
    }

    [Fact]
    public async Task TokenLifetime_IsTheConfiguredOne()
    {
        await using var emulator = await StartAsync(o =>
        {
            o.OAuthClients = [new EmulatorOAuthClient("app", "s3cret", "assetbridge")];
            o.TokenLifetime = TimeSpan.FromSeconds(60);
        });
        using var anonymous = Client(emulator, username: null);

        using var reply = await TokenAsync(anonymous, ("grant_type", "client_credentials"), ("client_id", "app"), ("client_secret", "s3cret"));

        Assert.Equal(60, (await reply.JsonAsync()).GetProperty("expires_in").GetInt32());
    }

    private static Task<ServiceNowEmulator> StartOAuthAsync(ManualClock clock) => StartAsync(o =>
    {
        o.TimeProvider = clock;
        o.OAuthClients = [new EmulatorOAuthClient("app", "s3cret", "assetbridge"), new EmulatorOAuthClient("no-user-app", "s3cret", null)];
    });

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, params (string Name, string Value)[] form) =>
        client.PostAsync("oauth_token.do", new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Name, f.Value))));
}
