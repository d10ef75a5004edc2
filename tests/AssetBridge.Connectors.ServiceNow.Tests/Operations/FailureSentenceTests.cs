using AssetBridge.Connectors.ServiceNow.Settings;
using AssetBridge.Connectors.ServiceNow.Tests.Support;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Jobs;
using AssetBridge.Emulators.ServiceNow;

namespace AssetBridge.Connectors.ServiceNow.Tests.Operations;

public class FailureSentenceTests
{
    [Fact]
    public async Task WrongPassword_FailsWithTheCredentialSentence_WithoutRetrying()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 3 });
        using var harness = SyncHarness.Create();

        var e = await Assert.ThrowsAnyAsync<AssetBridgeException>(() =>
            harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, TestCredentials.Basic("assetbridge", "not-the-password")));

        Assert.Equal(ErrorKind.Authentication, e.Kind);
        Assert.Equal(
            "ServiceNow rejected the credentials of user 'assetbridge' (401: User Not Authenticated); check the username and password (or the OAuth client id and secret) stored in the connector's credential.",
            e.Message);
        Assert.Equal(1, emulator.Stats.CountOfStatus(401));
    }

    [Fact]
    public async Task ApiLevelAcl_FailsWithTheMissingRoleSentence()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 3, Users = [new EmulatorUser("itil", "pw", ["itil"], AclDenial.Forbidden)] });
        using var harness = SyncHarness.Create();

        var e = await Assert.ThrowsAnyAsync<AssetBridgeException>(() => harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, TestCredentials.Basic("itil", "pw")));

        Assert.Equal(ErrorKind.Authentication, e.Kind);
        Assert.Equal(
            "ServiceNow refused user 'itil' access to cmdb_ci_computer (403: User Not Authorized): the account lacks the cmdb_read role (or an ACL denies the table); grant cmdb_read to user 'itil' and run the sync again.",
            e.Message);
    }

    [Fact]
    public async Task RowAclsHidingEverything_FailTheJob_SoAFullRunCannotDeleteTheInventory()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 9, Users = [new EmulatorUser("itil", "pw", ["itil"])] });
        using var harness = SyncHarness.Create();

        var e = await Assert.ThrowsAnyAsync<AssetBridgeException>(() => harness.SyncAsync(emulator.BaseAddress, EntityKind.Device, TestCredentials.Basic("itil", "pw")));

        Assert.Equal(ErrorKind.Authentication, e.Kind);
        Assert.Equal(
            "ServiceNow returned no rows from cmdb_ci_computer although it counts 9: the account lacks the cmdb_read role (or an ACL hides the rows); grant cmdb_read to user 'itil' and run the sync again.",
            e.Message);
    }

    [Fact]
    public async Task UnknownTable_NamesTheTableAndTheOption()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 3 });
        using var harness = SyncHarness.Create();

        var e = await Assert.ThrowsAnyAsync<AssetBridgeException>(() => harness.SyncAsync(
            emulator.BaseAddress, EntityKind.Device, TestCredentials.Basic("assetbridge", "assetbridge"), new ServiceNowConnectorSettings { DeviceTable = "u_laptops" }));

        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Equal(
            "ServiceNow has no table 'u_laptops' (400: Invalid table u_laptops); check --device-table (the table's name, not its label) and the instance URL.",
            e.Message);
    }

    [Fact]
    public async Task UnresolvableHost_SaysTheNameDoesNotResolve()
    {
        using var harness = SyncHarness.Create();

        var e = await Assert.ThrowsAnyAsync<AssetBridgeException>(() =>
            harness.SyncAsync(new Uri("https://contoso-assetbridge-test.invalid/"), EntityKind.Device, TestCredentials.Basic("a", "b")));

        Assert.Equal(ErrorKind.Unreachable, e.Kind);
        Assert.Equal("The host name 'contoso-assetbridge-test.invalid' does not resolve; check the instance URL (e.g. https://contoso.service-now.com).", e.Message);
    }

    [Fact]
    public async Task FailedTlsHandshake_PointsAtTheCertificateTrust()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 1 });
        using var harness = SyncHarness.Create();
        var https = new Uri($"https://127.0.0.1:{emulator.BaseAddress.Port}/");

        var e = await Assert.ThrowsAnyAsync<AssetBridgeException>(() => harness.SyncAsync(https, EntityKind.Device, TestCredentials.Basic("assetbridge", "assetbridge")));

        Assert.Equal(ErrorKind.Unreachable, e.Kind);
        Assert.StartsWith("The TLS connection to '127.0.0.1' failed (", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("; check the instance URL, and if a proxy or private CA signs the certificate, add that CA to the system trust store or point SSL_CERT_FILE at it.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedConnection_IsRetriedThenUnreachable()
    {
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        var options = SyncHarness.FastOptions();
        options.MaxAttempts = 2;
        using var harness = SyncHarness.Create(options);

        var e = await Assert.ThrowsAnyAsync<AssetBridgeException>(() =>
            harness.SyncAsync(new Uri($"http://127.0.0.1:{port}/"), EntityKind.Device, TestCredentials.Basic("a", "b")));

        Assert.Equal(ErrorKind.Unreachable, e.Kind);
        Assert.Equal($"Nothing accepted a connection to 127.0.0.1:{port} (connection refused) in 2 attempts; check the instance URL and that no firewall or proxy blocks it.", e.Message);
    }

    [Fact]
    public async Task PlainHttpToARemoteHost_IsRefusedBeforeAnythingIsSent()
    {
        using var harness = SyncHarness.Create();
        var parameters = """{"instanceUrl":"http://contoso.service-now.com/","table":"cmdb_ci_computer","columns":{"sysId":"sys_id","sysUpdatedOn":"sys_updated_on"},"pageSize":10,"maxConcurrentRequests":1,"mode":"Full","watermark":null,"filter":null}""";
        var job = new NewJob(1, 7, OperationKey.Parse("servicenow-cmdb-1.0-ListDevices"), "cmdb_ci_computer", 3, parameters, "contoso.service-now.com", EntityKind.Device);

        var e = await Assert.ThrowsAnyAsync<AssetBridgeException>(() => harness.RunAsync(job, TestCredentials.Basic("a", "b")));

        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Contains("refusing plain http to a non-loopback host", e.Message, StringComparison.Ordinal);
    }
}
