using System.Text;
using AssetBridge.Connectors.ServiceNow.Settings;
using AssetBridge.Connectors.ServiceNow.Tests.Support;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Inventory;
using AssetBridge.Emulators.ServiceNow;

namespace AssetBridge.Connectors.ServiceNow.Tests.Authentication;

/// <summary>A distinctive password must never reach an exception, a probe line or a log line, in clear or as a Basic header.</summary>
public class SecretCanaryTests
{
    private const string Canary = "Canary-7f3e9d-Pässwörd!";
    private const string ClientCanary = "ClientCanary-41c9a0";

    [Fact]
    public async Task Secrets_NeverAppearInErrorsProbeLinesOrLogs()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new()
        {
            Devices = 15,
            AdaptersPerDevice = 0,
            Applications = 0,
            Users = [new EmulatorUser("svc", Canary, ["cmdb_read"])],
            OAuthClients = [new EmulatorOAuthClient("client", ClientCanary, "svc")],
        });
        var options = SyncHarness.FastOptions();
        options.MaxAttempts = 3;
        using var harness = SyncHarness.Create(options);
        var settings = new ServiceNowConnectorSettings { PageSize = 4 };
        var texts = new List<string>();
        emulator.Instance.EnqueueFaults([EmulatorFault.ServerError500, EmulatorFault.ConnectionReset]);

        await harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, TestCredentials.Basic("svc", Canary), settings);
        await harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, TestCredentials.ClientCredentials("client", ClientCanary), settings);
        await harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, TestCredentials.PasswordGrant("client", ClientCanary, "svc", Canary), settings);
        texts.Add((await Assert.ThrowsAnyAsync<AssetBridgeException>(() =>
            harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, TestCredentials.Basic("svc", Canary + "x"), settings))).ToString());
        texts.Add((await Assert.ThrowsAnyAsync<AssetBridgeException>(() =>
            harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, TestCredentials.PasswordGrant("client", ClientCanary + "x", "svc", Canary), settings))).ToString());
        emulator.Instance.EnqueueFaults(Enumerable.Repeat(EmulatorFault.ServiceUnavailable503, 3));
        texts.Add((await Assert.ThrowsAnyAsync<AssetBridgeException>(() =>
            harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, TestCredentials.Basic("svc", Canary), settings))).ToString());
        var probe = harness.Module.CreateProbe((_, target, _) => ValueTask.FromResult(
            harness.Module.AuthenticatorProviders.Single(p => p.CredentialType == CredentialTypes.ServiceNowBasic).Create(TestCredentials.Basic("svc", Canary + "y"), target)));
        await foreach (var check in probe.TestAsync(SyncHarness.Connector(emulator.BaseAddress), CancellationToken.None))
        {
            texts.Add(check.Detail);
        }

        texts.Add(harness.Logs.All);
        texts.Add(TestCredentials.Basic("svc", Canary).ToString());
        Assert.NotEmpty(harness.Logs.Lines);
        var forbidden = new[]
        {
            Canary,
            ClientCanary,
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"svc:{Canary}")),
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"svc:{Canary}x")),
        };
        foreach (var secret in forbidden)
        {
            Assert.All(texts, text => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        }
    }
}
