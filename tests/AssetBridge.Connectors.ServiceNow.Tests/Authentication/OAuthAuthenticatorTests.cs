using AssetBridge.Connectors.ServiceNow.Settings;
using AssetBridge.Connectors.ServiceNow.Tests.Support;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Inventory;
using AssetBridge.Emulators.ServiceNow;

namespace AssetBridge.Connectors.ServiceNow.Tests.Authentication;

public class OAuthAuthenticatorTests
{
    private static readonly ServiceNowConnectorSettings SmallPages = new() { PageSize = 5 };

    private static ServiceNowEmulatorOptions Instance(TimeProvider? time = null, string? runAs = "assetbridge") => new()
    {
        Devices = 20,
        AdaptersPerDevice = 0,
        Applications = 0,
        OAuthClients = [new EmulatorOAuthClient("assetbridge-client", "client-secret-1", runAs)],
        TimeProvider = time ?? TimeProvider.System,
    };

    [Fact]
    public async Task ClientCredentials_ReadsEveryPageWithOneToken()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(Instance());
        using var harness = SyncHarness.Create();

        var (_, results) = await harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, TestCredentials.ClientCredentials("assetbridge-client", "client-secret-1"), SmallPages);

        Assert.Equal(emulator.Instance.SysIds("cmdb_ci_computer"), results.SysIds());
        Assert.Equal(new Dictionary<string, long> { ["client_credentials"] = 1 }, emulator.Stats.TokensIssuedByGrant);
        Assert.Equal(0, emulator.Stats.CountOfStatus(401));
    }

    [Fact]
    public async Task PasswordGrant_IsUsed_WhenTheCredentialNamesAUser()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(Instance(runAs: null));
        using var harness = SyncHarness.Create();

        var (_, results) = await harness.SyncAsync(
            emulator.BaseAddress, EntityKind.Device, TestCredentials.PasswordGrant("assetbridge-client", "client-secret-1", "assetbridge", "assetbridge"), SmallPages);

        Assert.Equal(20, results.SysIds().Count);
        Assert.Equal(new Dictionary<string, long> { ["password"] = 1 }, emulator.Stats.TokensIssuedByGrant);
    }

    [Fact]
    public async Task Token_IsRefreshedBeforeItExpires_WithTheRefreshToken()
    {
        var time = new ShiftedTimeProvider();
        await using var emulator = await ServiceNowEmulator.StartAsync(Instance(time));
        using var harness = SyncHarness.Create(time: time);

        // 1700 s into a 1799 s token: less than 10 % of its life is left, so it is renewed before use.
        var (_, results) = await harness.SyncAsync(
            emulator.BaseAddress, EntityKind.Device, TestCredentials.ClientCredentials("assetbridge-client", "client-secret-1"), SmallPages,
            afterBatch: n => time.Advance(n == 1 ? TimeSpan.FromSeconds(1700) : TimeSpan.Zero));

        Assert.Equal(20, results.SysIds().Count);
        Assert.Equal(new Dictionary<string, long> { ["client_credentials"] = 1, ["refresh_token"] = 1 }, emulator.Stats.TokensIssuedByGrant);
        Assert.Equal(0, emulator.Stats.CountOfStatus(401));
    }

    [Fact]
    public async Task Token_IsRenewedOnceAndTheRequestResent_WhenTheInstanceAnswers401()
    {
        // The instance's clock runs ahead of AssetBridge's: it expires a token AssetBridge still trusts.
        var instanceTime = new ShiftedTimeProvider();
        await using var emulator = await ServiceNowEmulator.StartAsync(Instance(instanceTime));
        using var harness = SyncHarness.Create();

        var (_, results) = await harness.SyncAsync(
            emulator.BaseAddress, EntityKind.Device, TestCredentials.ClientCredentials("assetbridge-client", "client-secret-1"), SmallPages,
            afterBatch: n => instanceTime.Advance(n == 1 ? TimeSpan.FromHours(1) : TimeSpan.Zero));

        Assert.Equal(emulator.Instance.SysIds("cmdb_ci_computer"), results.SysIds());
        Assert.Equal(1, emulator.Stats.CountOfStatus(401));
        Assert.Equal(new Dictionary<string, long> { ["client_credentials"] = 1, ["refresh_token"] = 1 }, emulator.Stats.TokensIssuedByGrant);
    }

    [Fact]
    public async Task WrongClientSecret_FailsWithTheTokenEndpointSentence()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(Instance());
        using var harness = SyncHarness.Create();

        var e = await Assert.ThrowsAnyAsync<AssetBridgeException>(() =>
            harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, TestCredentials.ClientCredentials("assetbridge-client", "wrong-secret")));

        Assert.Equal(ErrorKind.Authentication, e.Kind);
        Assert.Equal(
            "ServiceNow's token endpoint refused OAuth client 'assetbridge-client' (401: server_error); check the client id and secret (System OAuth > Application Registry) and that the client_credentials grant is enabled (glide.oauth.inbound.client.credential.grant_type.enabled) with an OAuth application user.",
            e.Message);
    }

    [Fact]
    public async Task ClientCredentialsWithoutAnApplicationUser_AreRefusedWithTheSameAdvice()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(Instance(runAs: null));
        using var harness = SyncHarness.Create();

        var e = await Assert.ThrowsAnyAsync<AssetBridgeException>(() =>
            harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, TestCredentials.ClientCredentials("assetbridge-client", "client-secret-1")));

        Assert.Equal(ErrorKind.Authentication, e.Kind);
        Assert.Contains("client_credentials grant is enabled", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPasswordOnThePasswordGrant_NamesTheUser()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(Instance());
        using var harness = SyncHarness.Create();

        var e = await Assert.ThrowsAnyAsync<AssetBridgeException>(() => harness.SyncAsync(
            emulator.BaseAddress, EntityKind.Device, TestCredentials.PasswordGrant("assetbridge-client", "client-secret-1", "assetbridge", "wrong")));

        Assert.Equal(
            "ServiceNow's token endpoint refused user 'assetbridge' with OAuth client 'assetbridge-client' (401: server_error); check the username and password, and the client id and secret (System OAuth > Application Registry).",
            e.Message);
    }
}
