using System.Security.Cryptography.X509Certificates;
using AssetBridge.Emulators.Azure.Arm;
using AssetBridge.Emulators.Azure.Entra;
using AssetBridge.Emulators.Azure.Faults;
using AssetBridge.Emulators.Azure.Hosting;
using AssetBridge.Emulators.Azure.RateLimiting;
using AssetBridge.Emulators.Azure.State;
using AssetBridge.Emulators.Estate;
using Microsoft.AspNetCore.Builder;

namespace AssetBridge.Emulators.Azure;

/// <summary>
/// A fake Azure tenant over HTTPS on 127.0.0.1: Entra's client-credentials token endpoint and the
/// Resource Manager reads an inventory needs (subscriptions, VMs, NICs, public IPs), with ARM's
/// paging, errors and read throttling, fault injection, and a seeded <see cref="CloudEstate"/> behind it.
/// </summary>
public sealed class AzureEmulator : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly X509Certificate2 serverCertificate;
    private readonly AccessTokens tokens;
    private int disposed;

    private AzureEmulator(WebApplication app, X509Certificate2 serverCertificate, AccessTokens tokens, Uri baseAddress, CloudEstate estate, AzureEmulatorStats stats, AzureCloudControls controls)
    {
        this.app = app;
        this.serverCertificate = serverCertificate;
        this.tokens = tokens;
        BaseAddress = baseAddress;
        Estate = estate;
        Stats = stats;
        Controls = controls;
        Certificate = X509CertificateLoader.LoadCertificate(serverCertificate.RawData);
        CertificatePem = serverCertificate.ExportCertificatePem() + "\n";
    }

    /// <summary>https://127.0.0.1:{port}/ with a trailing slash: the Entra authority host and the ARM endpoint at once.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Where Entra is: pass as AuthorityHost (with instance discovery disabled).</summary>
    public Uri AuthorityHost => BaseAddress;

    /// <summary>Where Resource Manager is.</summary>
    public Uri ArmEndpoint => BaseAddress;

    /// <summary>The tenant id (a GUID) tokens are asked for under.</summary>
    public string TenantId => Estate.Options.TenantId;

    /// <summary>The self-signed TLS certificate (public part only) that clients must trust.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The same certificate in PEM, for SSL_CERT_FILE-style bundles.</summary>
    public string CertificatePem { get; }

    /// <summary>The estate served, as generated (see <see cref="AzureCloudControls.CurrentVms"/> for what it is now).</summary>
    public CloudEstate Estate { get; }

    /// <summary>What the emulator has served.</summary>
    public AzureEmulatorStats Stats { get; }

    /// <summary>Changes while serving: VMs, scripted faults, role assignments.</summary>
    public AzureCloudControls Controls { get; }

    /// <summary>Generates (or takes) the estate, makes a TLS certificate and starts listening.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message says which and why.</exception>
    public static async Task<AzureEmulator> StartAsync(AzureEmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var estate = options.CloudEstate ?? await Task.Run(() => CloudEstate.Generate(options.Estate), cancellationToken).ConfigureAwait(false);
        var tenantId = estate.Options.TenantId;
        var time = options.TimeProvider;
        var stats = new AzureEmulatorStats();
        var ids = new RequestIds(options.Seed);
        var address = new ListenAddress();
        var inventory = new CloudInventory(estate);
        var principals = new PrincipalDirectory(options.Principals);
        var faults = new AzureFaultInjector(options.FaultRate, options.Seed);
        var audiences = new ArmAudiences(address);
        var tokens = new AccessTokens(tenantId, options.TokenLifetime, time, ids);
        var gate = new ArmGate(tenantId, tokens, audiences, principals, faults, new ReadBuckets(options.ReadBucketSize, options.ReadRefillPerSecond, time), stats, time, ids);
        var routes = new AzureRoutes(
            new TokenEndpoint(tenantId, principals, tokens, audiences, new ClientAssertionValidator(address, time), stats, time, ids),
            new DiscoveryEndpoints(tenantId, tokens, time, ids),
            new ArmEndpoints(tenantId, inventory, gate, new ListPager(options.PageSize, options.IrregularPages, options.Seed)),
            faults,
            stats,
            time,
            ids);
        var certificate = LoopbackCertificate.Create();
        var app = AzureWebHost.Build(options.Port, certificate, routes, stats);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            certificate.Dispose();
            tokens.Dispose();
            throw;
        }

        var port = new Uri(app.Urls.First()).Port;
        address.Set(new Uri($"https://127.0.0.1:{port}/"));
        return new AzureEmulator(app, certificate, tokens, address.Value, estate, stats, new AzureCloudControls(inventory, faults, principals));
    }

    /// <summary>Stops listening. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        serverCertificate.Dispose();
        Certificate.Dispose();
        tokens.Dispose();
    }
}
