using AssetBridge.Emulators.ServiceNow.Acl;
using AssetBridge.Emulators.ServiceNow.Auth;
using AssetBridge.Emulators.ServiceNow.Faults;
using AssetBridge.Emulators.ServiceNow.Generation;
using AssetBridge.Emulators.ServiceNow.Hosting;
using AssetBridge.Emulators.ServiceNow.Tables;
using Microsoft.AspNetCore.Builder;

namespace AssetBridge.Emulators.ServiceNow;

/// <summary>
/// A fake ServiceNow instance serving the Table API and /oauth_token.do over HTTP on 127.0.0.1,
/// with generated CMDB data, row ACLs, rate limits and fault injection.
/// </summary>
public sealed class ServiceNowEmulator : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly RecordStore store;
    private readonly CancellationTokenSource shutdown;
    private int disposed;

    private ServiceNowEmulator(WebApplication app, RecordStore store, CancellationTokenSource shutdown, Uri baseAddress, ServiceNowInstance instance, EmulatorStats stats)
    {
        this.app = app;
        this.store = store;
        this.shutdown = shutdown;
        BaseAddress = baseAddress;
        Instance = instance;
        Stats = stats;
    }

    /// <summary>The instance URL with a trailing slash, e.g. http://127.0.0.1:54321/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The data and the controls (mutations, scripted faults, roles).</summary>
    public ServiceNowInstance Instance { get; }

    /// <summary>What the emulator has served.</summary>
    public EmulatorStats Stats { get; }

    /// <summary>Generates the data (deterministic by seed) and starts listening.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message says which and why.</exception>
    public static async Task<ServiceNowEmulator> StartAsync(ServiceNowEmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var store = await Task.Run(() => CmdbGenerator.Generate(options), cancellationToken).ConfigureAwait(false);
        var stats = new EmulatorStats();
        var users = new UserDirectory(options.Users, options.OAuthClients);
        var faults = new FaultInjector(options.FaultRate, options.Seed);
        var visibility = new RowVisibility(options.HiddenFraction, options.Seed);
        var shutdown = new CancellationTokenSource();
        var app = EmulatorWebHost.Build(options, store, users, faults, visibility, stats, shutdown.Token);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            shutdown.Dispose();
            store.Dispose();
            throw;
        }

        var address = new Uri(app.Urls.First().TrimEnd('/') + "/");
        var instance = new ServiceNowInstance(store, faults, users, visibility, options.TimeProvider, options.Seed);
        return new ServiceNowEmulator(app, store, shutdown, address, instance, stats);
    }

    /// <summary>Stops listening; requests held by a slow-response fault are abandoned. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await shutdown.CancelAsync().ConfigureAwait(false);
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        shutdown.Dispose();
        store.Dispose();
    }
}
