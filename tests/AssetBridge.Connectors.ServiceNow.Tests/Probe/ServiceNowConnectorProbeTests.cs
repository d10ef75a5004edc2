using AssetBridge.Connectors.ServiceNow.Settings;
using AssetBridge.Connectors.ServiceNow.Tests.Support;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Errors;
using AssetBridge.Emulators.ServiceNow;

namespace AssetBridge.Connectors.ServiceNow.Tests.Probe;

public class ServiceNowConnectorProbeTests
{
    private static IConnectorProbe ProbeFor(SyncHarness harness, OpenedCredential credential) =>
        harness.Module.CreateProbe((connector, target, _) =>
            ValueTask.FromResult(harness.Module.AuthenticatorProviders.Single(p => p.CredentialType == credential.Info.Type).Create(credential, target)));

    private static async Task<List<ProbeCheck>> RunAsync(IConnectorProbe probe, Uri instance, ServiceNowConnectorSettings? settings = null)
    {
        var checks = new List<ProbeCheck>();
        await foreach (var check in probe.TestAsync(SyncHarness.Connector(instance, settings), CancellationToken.None))
        {
            checks.Add(check);
        }

        return checks;
    }

    [Fact]
    public async Task Test_PassesEveryStep_AndCountsEachTable()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 12, AdaptersPerDevice = 2, Applications = 3, Seed = 2 });
        using var harness = SyncHarness.Create();

        var checks = await RunAsync(ProbeFor(harness, TestCredentials.Basic("assetbridge", "assetbridge")), emulator.BaseAddress);

        Assert.Equal(
            ["DNS resolution", "TCP connection", "Authentication", "Read cmdb_ci_computer", "Read cmdb_ci_network_adapter", "Read cmdb_ci_business_app", "Read cmdb_rel_ci", "Read cmdb_ci_vm_instance"],
            checks.Select(c => c.Name));
        Assert.All(checks, c => Assert.True(c.Passed, c.Detail));
        Assert.Equal("ServiceNow accepted the credentials of user 'assetbridge'.", checks[2].Detail);
        Assert.Equal("12 records visible.", checks[3].Detail);
        Assert.Equal("24 records visible.", checks[4].Detail);
        Assert.Equal("3 records visible.", checks[5].Detail);
    }

    [Fact]
    public async Task Test_PassesTheVmInstanceStep_OnAnInstanceWithoutTheDefaultTable_ButNotANamedOne()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 2, HasVmInstanceTable = false });
        using var harness = SyncHarness.Create();
        var probe = ProbeFor(harness, TestCredentials.Basic("assetbridge", "assetbridge"));

        var byDefault = (await RunAsync(probe, emulator.BaseAddress)).Single(c => c.Name == "Read cmdb_ci_vm_instance");
        var named = (await RunAsync(probe, emulator.BaseAddress, new ServiceNowConnectorSettings { VmInstanceTable = "u_vms" })).Single(c => c.Name == "Read u_vms");

        Assert.Equal(new ProbeCheck("Read cmdb_ci_vm_instance", true, "The instance has no such table (no cloud discovery), so syncs read no VM instances from it."), byDefault);
        Assert.False(named.Passed);
        Assert.Contains("check --vm-instance-table", named.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_ReportsTheMissingRole_ForEachTableTheAccountCannotSee()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 4, Users = [new EmulatorUser("itil", "pw", ["itil"])] });
        using var harness = SyncHarness.Create();

        var checks = await RunAsync(ProbeFor(harness, TestCredentials.Basic("itil", "pw")), emulator.BaseAddress);

        Assert.True(checks.Single(c => c.Name == "Authentication").Passed);
        var devices = checks.Single(c => c.Name == "Read cmdb_ci_computer");
        Assert.False(devices.Passed);
        Assert.Equal(
            "ServiceNow returned no rows from cmdb_ci_computer although it counts 4: the account lacks the cmdb_read role (or an ACL hides the rows); grant cmdb_read to user 'itil' and run the sync again.",
            devices.Detail);
    }

    [Fact]
    public async Task Test_StopsAtAuthentication_WhenThePasswordIsWrong()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 2 });
        using var harness = SyncHarness.Create();

        var checks = await RunAsync(ProbeFor(harness, TestCredentials.Basic("assetbridge", "nope")), emulator.BaseAddress);

        Assert.Equal(["DNS resolution", "TCP connection", "Authentication"], checks.Select(c => c.Name));
        Assert.False(checks[^1].Passed);
        Assert.StartsWith("ServiceNow rejected the credentials of user 'assetbridge' (401", checks[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_StopsAtDns_WhenTheHostDoesNotResolve()
    {
        using var harness = SyncHarness.Create();

        var checks = await RunAsync(ProbeFor(harness, TestCredentials.Basic("a", "b")), new Uri("https://contoso-assetbridge-test.invalid/"));

        var dns = Assert.Single(checks);
        Assert.False(dns.Passed);
        Assert.Equal("The host name 'contoso-assetbridge-test.invalid' does not resolve; check the instance URL (e.g. https://contoso.service-now.com).", dns.Detail);
    }

    [Fact]
    public async Task Test_StopsAtTls_WhenTheHandshakeFails()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 1 });
        using var harness = SyncHarness.Create();

        var checks = await RunAsync(ProbeFor(harness, TestCredentials.Basic("a", "b")), new Uri($"https://127.0.0.1:{emulator.BaseAddress.Port}/"));

        Assert.Equal(["DNS resolution", "TLS connection"], checks.Select(c => c.Name));
        Assert.False(checks[1].Passed);
        Assert.Contains("SSL_CERT_FILE", checks[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_ReportsTheSeamsSentence_WhenTheCredentialCannotBeOpened()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 2 });
        using var harness = SyncHarness.Create();
        var probe = harness.Module.CreateProbe((_, _, _) =>
            throw new AssetBridgeException(ErrorKind.Configuration, "The vault cannot be opened; check the master key."));

        var checks = await RunAsync(probe, emulator.BaseAddress);

        Assert.Equal(new ProbeCheck("Authentication", false, "The vault cannot be opened; check the master key."), checks[^1]);
    }
}
