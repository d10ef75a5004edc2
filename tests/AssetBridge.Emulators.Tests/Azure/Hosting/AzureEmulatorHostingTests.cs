using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using AssetBridge.Emulators.Azure;
using AssetBridge.Emulators.Tests.Azure.Support;
using static AssetBridge.Emulators.Tests.Azure.Support.AzureTestEmulator;

namespace AssetBridge.Emulators.Tests.Azure.Hosting;

public sealed class AzureEmulatorHostingTests
{
    [Fact]
    public async Task Emulator_ServesHttpsOnLoopback_WithACertificateForIpAndLocalhost()
    {
        await using var emulator = await StartAsync();

        Assert.Equal("https", emulator.BaseAddress.Scheme);
        Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
        Assert.EndsWith("/", emulator.BaseAddress.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(emulator.BaseAddress, emulator.AuthorityHost);
        Assert.Equal(emulator.BaseAddress, emulator.ArmEndpoint);
        Assert.False(emulator.Certificate.HasPrivateKey);
        var names = emulator.Certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["localhost"], names.EnumerateDnsNames());
        Assert.Equal([IPAddress.Loopback], names.EnumerateIPAddresses());
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", emulator.CertificatePem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientThatDoesNotTrustTheCertificate_FailsTheHandshake()
    {
        await using var emulator = await StartAsync();
        using var client = new HttpClient { BaseAddress = emulator.BaseAddress };

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(SubscriptionsPath));

        Assert.IsType<AuthenticationException>(error.InnerException);
    }

    [Fact]
    public async Task ClientTrustingThePem_ReachesTheEmulatorAsLocalhostToo()
    {
        await using var emulator = await StartAsync();
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        policy.CustomTrustStore.Add(X509Certificate2.CreateFromPem(emulator.CertificatePem));
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.CertificateChainPolicy = policy;
        using var client = new HttpClient(handler);

        using var response = await client.GetAsync($"https://localhost:{emulator.BaseAddress.Port}/{SubscriptionsPath}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Stats_CountRequestsByEndpoint_AndKeepTheClient()
    {
        await using var emulator = await StartAsync();
        using var client = await ArmClientAsync(emulator);

        using (await client.GetAsync(SubscriptionsPath))
        {
        }

        using (await client.GetAsync(VmsPath(emulator.Estate.Subscriptions[0].SubscriptionId)))
        {
        }

        Assert.Equal(3, emulator.Stats.Requests);
        Assert.Equal(1, emulator.Stats.TokenRequests);
        Assert.Equal(1, emulator.Stats.RequestsTo("token"));
        Assert.Equal(1, emulator.Stats.RequestsTo("subscriptions"));
        Assert.Equal(1, emulator.Stats.RequestsTo("virtualMachines"));
        Assert.All(emulator.Stats.RecentRequests, r => Assert.Equal(AzureEmulatorOptions.DefaultClientId, r.ClientId));
    }

    [Fact]
    public async Task PageSizeOfZero_IsRefusedWithASentence()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => StartAsync(o => o.PageSize = 0));

        Assert.Equal("PageSize must be between 1 and 1000; it is 0.", error.Message);
    }

    [Fact]
    public async Task EstateOptions_AreValidatedAtStart()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => StartAsync(o => o.Estate.MatchByMac = 0.9));

        Assert.StartsWith("MatchByVmId + MatchByResourceId + MatchByMac + MatchByNameIp must not exceed 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrincipalWithoutSecretOrCertificate_IsRefusedAtStart()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => StartAsync(o => o.Principals.Add(new AzureEmulatorPrincipal("bare", null))));

        Assert.Equal("Every principal needs a client secret or a certificate to sign in with.", error.Message);
    }

    [Fact]
    public async Task Dispose_CanBeCalledTwice()
    {
        var emulator = await StartAsync();

        await emulator.DisposeAsync();
        await emulator.DisposeAsync();
    }

    [Fact]
    public async Task Host_WritesThePem_PrintsOneLine_AndRunsUntilCancelled()
    {
        using var output = new LineSignallingWriter();
        using var cancel = new CancellationTokenSource();
        var pem = Path.Combine(Path.GetTempPath(), $"assetbridge-azure-{Guid.NewGuid():N}.pem");
        try
        {
            var running = AzureEmulatorHost.RunAsync(new AzureEmulatorOptions(), output, pem, cancel.Token);
            await Task.WhenAny(output.FirstLine, running).WaitAsync(TimeSpan.FromSeconds(20));

            Assert.Matches(
                @"^Azure emulator listening on https://127\.0\.0\.1:\d+/ \(tenant 72f988bf-0000-4000-8000-00000000a2b1; 3 subscriptions, 60 VMs; client a5b1d9e0-7c3f-4e2a-9b8d-00000000c11e\)\r?\n$",
                output.ToString());
            Assert.False(running.IsCompleted);
            Assert.StartsWith("-----BEGIN CERTIFICATE-----", await File.ReadAllTextAsync(pem), StringComparison.Ordinal);
            await cancel.CancelAsync();
            await running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            File.Delete(pem);
        }
    }

    private sealed class LineSignallingWriter : StringWriter
    {
        private readonly TaskCompletionSource firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task FirstLine => firstLine.Task;

        public override async Task WriteLineAsync(string? value)
        {
            await base.WriteLineAsync(value);
            firstLine.TrySetResult();
        }
    }
}
