using AssetBridge.Connectors.Azure.Tests.Support;
using AssetBridge.Core.Errors;
using AssetBridge.Emulators.Azure;
using AssetBridge.Emulators.Estate;

namespace AssetBridge.Connectors.Azure.Tests.Integration;

/// <summary>A distinctive client secret must never reach an exception, a probe line or a log line.</summary>
public class SecretCanaryTests
{
    private const string Canary = "Canary~7f3e9d.Sëcret-41c9a0";

    [Fact]
    public async Task Secret_NeverAppearsInErrorsProbeLinesOrLogs()
    {
        await using var emulator = await AzureEmulator.StartAsync(new()
        {
            Estate = new CloudEstateOptions { Subscriptions = 2, VmsPerSubscription = 9 },
            PageSize = 4,
            Principals = [new AzureEmulatorPrincipal("canary-client", Canary)],
        });
        using var harness = AzureHarness.Create(emulator, o => o.MaxAttempts = 4);
        var good = TestCredentials.Secret(emulator.TenantId, "canary-client", Canary);
        var wrong = TestCredentials.Secret(emulator.TenantId, "canary-client", Canary + "x");
        var texts = new List<string>();
        emulator.Controls.ScriptFault(AzureFault.ServerError500, 2);
        emulator.Controls.ScriptFault(AzureFault.ConnectionReset, 1);

        await harness.SyncAsync(AzureHarness.Connector(emulator), good);
        texts.Add((await Assert.ThrowsAnyAsync<AssetBridgeException>(() => harness.SyncAsync(AzureHarness.Connector(emulator), wrong))).ToString());
        texts.Add((await Assert.ThrowsAnyAsync<AssetBridgeException>(() => harness.SyncAsync(AzureHarness.Connector(emulator), TestCredentials.Secret("0f0f0f0f-0000-4000-8000-000000000001", "canary-client", Canary)))).ToString());
        emulator.Controls.ScriptFault(AzureFault.ServiceUnavailable503, 4);
        texts.Add((await Assert.ThrowsAnyAsync<AssetBridgeException>(() => harness.SyncAsync(AzureHarness.Connector(emulator), good))).ToString());
        texts.AddRange((await ProbeTests.TestAsync(harness, AzureHarness.Connector(emulator), wrong)).Select(c => c.Detail));
        texts.AddRange((await ProbeTests.TestAsync(harness, AzureHarness.Connector(emulator), good)).Select(c => c.Detail));
        texts.Add(harness.Logs.All);
        texts.Add(good.ToString());

        Assert.NotEmpty(harness.Logs.Lines);
        Assert.All(texts, text => Assert.DoesNotContain(Canary, text, StringComparison.Ordinal));
        Assert.All(texts, text => Assert.DoesNotContain(Uri.EscapeDataString(Canary), text, StringComparison.Ordinal));
    }
}
