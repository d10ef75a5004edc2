using AssetBridge.Connectors.Azure.Tests.Support;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Credentials;
using AssetBridge.Emulators.Azure;
using AssetBridge.Emulators.Estate;

namespace AssetBridge.Connectors.Azure.Tests.Integration;

public class ProbeTests
{
    [Fact]
    public async Task Probe_PassesEveryStep_AndCountsReadableSubscriptions()
    {
        await using var emulator = await AzureEmulator.StartAsync(new() { Estate = new CloudEstateOptions { Subscriptions = 3, VmsPerSubscription = 1 } });
        using var harness = AzureHarness.Create(emulator);
        var named = emulator.Estate.Subscriptions[0].SubscriptionId;

        var checks = await TestAsync(harness, AzureHarness.Connector(emulator, [named]), AzureHarness.DefaultPrincipal(emulator));

        Assert.All(checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));
        Assert.Equal(
            ["DNS resolution of the authority host", "TLS connection to the authority host", "DNS resolution of the ARM endpoint", "TLS connection to the ARM endpoint", "Authentication", "Get Subscriptions", $"Subscription {named}"],
            checks.Select(c => c.Name));
        Assert.Equal("Application 'a5b1d9e0-7c3f-4e2a-9b8d-00000000c11e' can read 3 subscriptions.", checks[5].Detail);
    }

    [Fact]
    public async Task Probe_StopsAtAuthentication_WithTheWrongSecretSentence()
    {
        await using var emulator = await AzureEmulator.StartAsync(new() { Estate = new CloudEstateOptions { Subscriptions = 1, VmsPerSubscription = 1 } });
        using var harness = AzureHarness.Create(emulator);

        var checks = await TestAsync(harness, AzureHarness.Connector(emulator), AzureHarness.DefaultPrincipal(emulator, secret: "wrong"));

        var last = checks[^1];
        Assert.Equal("Authentication", last.Name);
        Assert.False(last.Passed);
        Assert.Contains("AADSTS7000215", last.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_SaysRbac_WhenThePrincipalSignsInButReadsNothing()
    {
        await using var emulator = await AzureEmulator.StartAsync(new()
        {
            Estate = new CloudEstateOptions { Subscriptions = 1, VmsPerSubscription = 1 },
            Principals = [new AzureEmulatorPrincipal(AzureEmulatorOptions.DefaultClientId, AzureEmulatorOptions.DefaultClientSecret, ReadableSubscriptions: [])],
        });
        using var harness = AzureHarness.Create(emulator);

        var checks = await TestAsync(harness, AzureHarness.Connector(emulator), AzureHarness.DefaultPrincipal(emulator));

        Assert.True(checks.Single(c => c.Name == "Authentication").Passed);
        var subscriptions = checks.Single(c => c.Name == "Get Subscriptions");
        Assert.False(subscriptions.Passed);
        Assert.StartsWith("Authenticated, but application 'a5b1d9e0-7c3f-4e2a-9b8d-00000000c11e' can read no subscription: assign it the Reader role", subscriptions.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_SaysANamedSubscriptionIsNotReadable_AndWhatToAssign()
    {
        await using var emulator = await AzureEmulator.StartAsync(new() { Estate = new CloudEstateOptions { Subscriptions = 2, VmsPerSubscription = 1 } });
        using var harness = AzureHarness.Create(emulator);
        var revoked = emulator.Estate.Subscriptions[1].SubscriptionId;
        emulator.Controls.RevokeAccess(AzureEmulatorOptions.DefaultClientId, revoked);

        var checks = await TestAsync(harness, AzureHarness.Connector(emulator, [emulator.Estate.Subscriptions[0].SubscriptionId, revoked]), AzureHarness.DefaultPrincipal(emulator));

        Assert.True(checks[^2].Passed);
        Assert.False(checks[^1].Passed);
        Assert.Contains($"assign the Reader role on subscription {revoked}", checks[^1].Detail, StringComparison.Ordinal);
    }

    internal static async Task<List<ProbeCheck>> TestAsync(AzureHarness harness, Connector connector, OpenedCredential credential)
    {
        var probe = harness.Module.CreateProbe((_, target, _) => ValueTask.FromResult(
            harness.Module.AuthenticatorProviders.Single(p => p.CredentialType == credential.Info.Type).Create(credential, target)));
        var checks = new List<ProbeCheck>();
        await foreach (var check in probe.TestAsync(connector, CancellationToken.None))
        {
            checks.Add(check);
        }

        return checks;
    }
}
