using AssetBridge.Connectors.Azure.Failures;
using AssetBridge.Connectors.Azure.Tests.Support;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Inventory;
using AssetBridge.Emulators.Azure;
using AssetBridge.Emulators.Estate;

namespace AssetBridge.Connectors.Azure.Tests.Integration;

/// <summary>The connector against the Azure emulator over real HTTPS, through Azure.Identity.</summary>
public class EmulatorSyncTests
{
    [Fact]
    public async Task Sync_ListsEveryVmOfEverySubscription_AcrossShortAndEmptyPages()
    {
        await using var emulator = await AzureEmulator.StartAsync(new() { Estate = new CloudEstateOptions { Subscriptions = 3, VmsPerSubscription = 37 }, PageSize = 7, IrregularPages = true });
        using var harness = AzureHarness.Create(emulator);

        var result = await harness.SyncAsync(AzureHarness.Connector(emulator), AzureHarness.DefaultPrincipal(emulator));

        var expected = emulator.Controls.CurrentVms;
        Assert.Equal(emulator.Estate.Subscriptions.Select(s => s.SubscriptionId).Order(StringComparer.Ordinal), result.Discovery.Discovered);
        Assert.Equal(0, result.Discovery.Records);
        Assert.Equal(expected.Select(v => CloudIds.ResourceId(v.ResourceId)).Order(StringComparer.Ordinal), result.Vms.Select(v => v.ResourceId).Order(StringComparer.Ordinal));
        foreach (var vm in expected)
        {
            var record = result.Vms.Single(r => r.ResourceId == CloudIds.ResourceId(vm.ResourceId));
            Assert.Equal(vm.VmId, record.VmId);
            Assert.Equal(vm.ComputerName, record.ComputerName);
            Assert.Equal(vm.ResourceGroup, record.ResourceGroup);
            Assert.Equal(vm.PowerState, record.PowerState);
            Assert.Equal($"{vm.Image.Publisher}:{vm.Image.Offer}:{vm.Image.Sku}:{vm.Image.Version}", record.Image);
            Assert.Equal(vm.Nics.Select(n => CloudIds.Mac(n.MacAddress)).OfType<string>(), record.MacAddresses);
            Assert.Equal(vm.Nics.SelectMany(n => n.PrivateIps), record.PrivateIps);
            Assert.Equal(vm.Nics.Select(n => n.PublicIpAddress).OfType<string>(), record.PublicIps);
        }

        Assert.All(result.Listings, l =>
        {
            Assert.Equal(l.Results.Vms.Count, l.Outcome.Records);
            Assert.NotNull(l.Outcome.Watermark);
        });
        Assert.Equal(0, emulator.Stats.Throttled);
    }

    [Fact]
    public async Task Sync_PacesItsReads_SoASmallReadBucketNeverAnswers429()
    {
        // A bucket of 12 refilled at 40/s, and far more than 12 reads per subscription: unpaced, this throttles.
        await using var emulator = await AzureEmulator.StartAsync(new()
        {
            Estate = new CloudEstateOptions { Subscriptions = 2, VmsPerSubscription = 60 },
            PageSize = 3,
            IrregularPages = false,
            ReadBucketSize = 12,
            ReadRefillPerSecond = 40,
        });
        using var harness = AzureHarness.Create(emulator, o => o.PacingFloor = 4);

        var result = await harness.SyncAsync(AzureHarness.Connector(emulator), AzureHarness.DefaultPrincipal(emulator));

        Assert.Equal(120, result.Vms.Count);
        Assert.True(emulator.Stats.Requests > 2 * 12 * 4, $"only {emulator.Stats.Requests} requests; the bucket must be spent several times over");
        Assert.Equal(0, emulator.Stats.Throttled);
        Assert.Contains(harness.Logs.Lines, l => l.Contains("to stay within its read budget", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sync_SurvivesScriptedFaults_WithTheExactVmSet()
    {
        await using var emulator = await AzureEmulator.StartAsync(new() { Estate = new CloudEstateOptions { Subscriptions = 1, VmsPerSubscription = 30 }, PageSize = 4 });
        using var harness = AzureHarness.Create(emulator, o => o.MaxAttempts = 8);
        var subscription = emulator.Estate.Subscriptions[0].SubscriptionId;
        var vms = $"/subscriptions/{subscription}/providers/Microsoft.Compute/virtualMachines";
        emulator.Controls.ScriptFault(AzureFault.ServiceUnavailable503, 1, "/subscriptions"); // the run's first request is the tenant's subscription list
        emulator.Controls.ScriptFault(AzureFault.ServerError500, 1, vms);
        emulator.Controls.ScriptFault(AzureFault.ServiceUnavailable503, 1, vms);
        emulator.Controls.ScriptFault(AzureFault.ConnectionReset, 1, vms);
        emulator.Controls.ScriptFault(AzureFault.MalformedJson, 1, vms);
        emulator.Controls.ScriptFault(AzureFault.TooManyRequests429, 1, vms);
        emulator.Controls.ScriptFault(AzureFault.ServerError500, 1, $"/subscriptions/{subscription}/providers/Microsoft.Network/networkInterfaces");

        var result = await harness.SyncAsync(AzureHarness.Connector(emulator), AzureHarness.DefaultPrincipal(emulator));

        Assert.Equal(0, emulator.Controls.PendingFaults);
        Assert.Equal(emulator.Controls.CurrentVms.Select(v => CloudIds.ResourceId(v.ResourceId)).Order(StringComparer.Ordinal), result.Vms.Select(v => v.ResourceId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Sync_WithACertificateCredential_SignsInAndLists()
    {
        using var certificate = Certificates.Rsa("CN=assetbridge-sp");
        using var publicPart = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(certificate.RawData);
        await using var emulator = await AzureEmulator.StartAsync(new()
        {
            Estate = new CloudEstateOptions { Subscriptions = 1, VmsPerSubscription = 5 },
            Principals = [new AzureEmulatorPrincipal("cert-client", null, publicPart)],
        });
        using var harness = AzureHarness.Create(emulator);

        var result = await harness.SyncAsync(AzureHarness.Connector(emulator), TestCredentials.Certificate(emulator.TenantId, "cert-client", Certificates.Pem(certificate)));

        Assert.Equal(5, result.Vms.Count);
    }

    [Fact]
    public async Task WrongSecret_FailsWithTheWrongSecretSentence()
    {
        await using var emulator = await AzureEmulator.StartAsync(new() { Estate = new CloudEstateOptions { Subscriptions = 1, VmsPerSubscription = 1 } });
        using var harness = AzureHarness.Create(emulator);

        var e = await Assert.ThrowsAsync<AzureApiException>(() => harness.SyncAsync(AzureHarness.Connector(emulator), AzureHarness.DefaultPrincipal(emulator, secret: "not-the-secret")));

        Assert.Equal(ErrorKind.Authentication, e.Kind);
        Assert.StartsWith("Entra ID rejected the client secret of application 'a5b1d9e0-7c3f-4e2a-9b8d-00000000c11e'", e.Message, StringComparison.Ordinal);
        Assert.Contains("AADSTS7000215", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongTenant_FailsWithTheTenantNotFoundSentence()
    {
        await using var emulator = await AzureEmulator.StartAsync(new() { Estate = new CloudEstateOptions { Subscriptions = 1, VmsPerSubscription = 1 } });
        using var harness = AzureHarness.Create(emulator);

        var e = await Assert.ThrowsAsync<AzureApiException>(() => harness.SyncAsync(AzureHarness.Connector(emulator), AzureHarness.DefaultPrincipal(emulator, tenant: "0f0f0f0f-0000-4000-8000-000000000001")));

        Assert.StartsWith("Entra ID at 127.0.0.1 knows no tenant '0f0f0f0f-0000-4000-8000-000000000001' (AADSTS90002)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoRoleAnywhere_FailsWithTheRbacSentence_NotAnAuthenticationOne()
    {
        await using var emulator = await AzureEmulator.StartAsync(new()
        {
            Estate = new CloudEstateOptions { Subscriptions = 2, VmsPerSubscription = 1 },
            Principals = [new AzureEmulatorPrincipal(AzureEmulatorOptions.DefaultClientId, AzureEmulatorOptions.DefaultClientSecret, ReadableSubscriptions: [])],
        });
        using var harness = AzureHarness.Create(emulator);

        var e = await Assert.ThrowsAsync<AzureApiException>(() => harness.SyncAsync(AzureHarness.Connector(emulator), AzureHarness.DefaultPrincipal(emulator)));

        Assert.Equal(AzureFailure.NotAuthorized, e.Failure);
        Assert.Equal(
            "Authenticated, but application 'a5b1d9e0-7c3f-4e2a-9b8d-00000000c11e' can read no subscription: assign it the Reader role on each subscription to inventory (the subscription's Access control (IAM) > Add role assignment), then run the sync again.",
            e.Message);
    }

    [Fact]
    public async Task NamedSubscriptionWithoutRole_FailsDiscovery_NamingTheRoleToAssign()
    {
        await using var emulator = await AzureEmulator.StartAsync(new() { Estate = new CloudEstateOptions { Subscriptions = 2, VmsPerSubscription = 1 } });
        using var harness = AzureHarness.Create(emulator);
        var revoked = emulator.Estate.Subscriptions[1].SubscriptionId;
        emulator.Controls.RevokeAccess(AzureEmulatorOptions.DefaultClientId, revoked);

        var e = await Assert.ThrowsAsync<AzureApiException>(() => harness.SyncAsync(AzureHarness.Connector(emulator, [revoked]), AzureHarness.DefaultPrincipal(emulator)));

        Assert.Equal(
            $"Application 'a5b1d9e0-7c3f-4e2a-9b8d-00000000c11e' cannot read subscription {revoked} (it can read 1 subscription): assign the Reader role on subscription {revoked} to application 'a5b1d9e0-7c3f-4e2a-9b8d-00000000c11e', or remove it from the connector's subscriptions.",
            e.Message);
    }

    [Fact]
    public async Task AccessRevokedBetweenDiscoveryAndListing_FailsTheListingWithTheRbacSentence()
    {
        await using var emulator = await AzureEmulator.StartAsync(new() { Estate = new CloudEstateOptions { Subscriptions = 1, VmsPerSubscription = 1 } });
        using var harness = AzureHarness.Create(emulator);
        var subscription = emulator.Estate.Subscriptions[0].SubscriptionId;
        var connector = AzureHarness.Connector(emulator);
        var run = AzureHarness.Run();
        var discovery = harness.Module.Planner.Plan(connector, run, new Dictionary<string, Watermark>())[0];
        var (outcome, _) = await harness.RunAsync(discovery, AzureHarness.DefaultPrincipal(emulator));
        var job = harness.Module.Planner.PlanFollowUps(connector, run, new Core.Jobs.JobRecord(21, 11, 7, discovery.Operation, discovery.Scope, null, Core.Jobs.JobState.Processed, 1, null, null, 0, outcome, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch))[0];
        emulator.Controls.RevokeAccess(AzureEmulatorOptions.DefaultClientId, subscription);

        var e = await Assert.ThrowsAsync<AzureApiException>(() => harness.RunAsync(job, AzureHarness.DefaultPrincipal(emulator)));

        Assert.Equal(AzureFailure.NotAuthorized, e.Failure);
        Assert.Contains($"assign the Reader role on subscription {subscription} to application 'a5b1d9e0-7c3f-4e2a-9b8d-00000000c11e'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UntrustedCertificate_SaysSo_AndPointsAtSslCertFile()
    {
        await using var emulator = await AzureEmulator.StartAsync(new() { Estate = new CloudEstateOptions { Subscriptions = 1, VmsPerSubscription = 1 } });
        using var harness = AzureHarness.Create(emulator: null, o => o.MaxAttempts = 1);

        var e = await Assert.ThrowsAsync<AzureApiException>(() => harness.SyncAsync(AzureHarness.Connector(emulator), AzureHarness.DefaultPrincipal(emulator)));

        Assert.Equal(AzureFailure.Tls, e.Failure);
        Assert.StartsWith("The certificate of Entra ID at '127.0.0.1' is not trusted here", e.Message, StringComparison.Ordinal);
        Assert.Contains("SSL_CERT_FILE", e.Message, StringComparison.Ordinal);
    }
}
