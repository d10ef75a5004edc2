using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Serialization;
using AssetBridge.Core.Application;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Storage;
using AssetBridge.Server.Agents;
using AssetBridge.Server.Api;
using AssetBridge.Server.Composition;
using AssetBridge.Server.Metrics;
using AssetBridge.Server.Scheduling;
using AssetBridge.Server.Security;
using AssetBridge.Storage.Vault;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Server.Hosting;

/// <summary>
/// The server process: the store, the vault, the control plane behind the admin API, the scheduler and the
/// embedded agent, served over HTTPS by Kestrel. Endpoints live in one Map*Api file per feature.
/// </summary>
public sealed class ServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IStore _store;
    private readonly MasterKey _masterKey;
    private readonly X509Certificate2 _certificate;

    private ServerHost(WebApplication app, IStore store, MasterKey masterKey, X509Certificate2 certificate)
    {
        _app = app;
        _store = store;
        _masterKey = masterKey;
        _certificate = certificate;
        Thumbprint = CertificateThumbprint.Of(certificate);
    }

    /// <summary>SHA-256 of the served certificate, as clients pin it.</summary>
    public string Thumbprint { get; }

    /// <summary>The addresses bound (port 0 resolved to the port the OS picked).</summary>
    public IReadOnlyList<Uri> Addresses =>
        [.. (_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []).Select(a => new Uri(a.Replace("[::]", "localhost", StringComparison.Ordinal)))];

    public IServiceProvider Services => _app.Services;

    public static async Task<ServerHost> StartAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        var endpoints = ListenAddresses.Parse(options.Urls);
        var masterKey = MasterKeyFile.Load(options.DataDirectory, options.Environment);
        var certificate = ServerCertificate.LoadOrCreate(options.DataDirectory, options.CertificatePath, options.CertificatePassword, options.Time);
        var store = await StoreLocation.OpenAsync(options.Store, options.DataDirectory, options.Time, cancellationToken).ConfigureAwait(false);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = options.DataDirectory, ApplicationName = "AssetBridge.Server" });
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Information).AddFilter("Microsoft", LogLevel.Warning);
        if (options.Logs is not null)
        {
            builder.Logging.AddProvider(options.Logs);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var (address, port) in endpoints)
            {
                kestrel.Listen(address, port, listen => listen.UseHttps(certificate));
            }
        });
        AddServices(builder.Services, options, store, masterKey, CertificateThumbprint.Of(certificate));

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/healthz", () => TypedResults.Text("ok")).WithSummary("Liveness: 200 ok when the server answers.");
        app.MapOpenApiDocument();
        app.MapMetricsApi();
        var api = app.MapGroup("/api/v1");
        api.MapCredentialsApi();
        api.MapConnectorsApi();
        api.MapRunsApi();
        api.MapAgentAdminApi();
        app.MapAgentApi();

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new ServerHost(app, store, masterKey, certificate);
    }

    private static void AddServices(IServiceCollection services, ServerOptions options, IStore store, MasterKey masterKey, string thumbprint)
    {
        var agentPlane = new AgentPlaneOptions { ServerCertificateThumbprint = thumbprint, EmbeddedAgent = options.EmbeddedAgent };
        if (options.AgentDownAfter is { } downAfter)
        {
            agentPlane.DownAfter = downAfter;
        }

        if (options.EmbeddedAgentName is { } embeddedName)
        {
            agentPlane.EmbeddedAgentName = embeddedName;
        }

        services.AddSingleton(options.Time);
        services.AddSingleton(store);
        services.AddSingleton<ICredentialVault>(new CredentialVault(store, masterKey, options.Time));
        services.AddSingleton(sp => ConnectorModules.Create(options.Time, sp.GetRequiredService<ILoggerFactory>(), options.Environment));
        services.AddSingleton<IConnectorCatalog>(sp => sp.GetRequiredService<ConnectorModules>());
        services.AddSingleton(sp => new RunFinalizer(store, options.Time, sp.GetRequiredService<ConnectorModules>().Planners));
        services.AddSingleton(sp => new SyncService(store, sp.GetRequiredService<ConnectorModules>().Planners, sp.GetRequiredService<RunFinalizer>(), options.Time));
        services.AddSingleton<IControlPlane>(sp => new LocalControlPlane(
            store, sp.GetRequiredService<ICredentialVault>(), sp.GetRequiredService<IConnectorCatalog>(), sp.GetRequiredService<SyncService>(), sp.GetRequiredService<RunFinalizer>(), options.Time)
        {
            AgentDownAfter = agentPlane.DownAfter,
        });
        services.AddSingleton(sp => new TokenService(store, options.Time));
        services.AddHostedService(sp => new SyncScheduler(store, sp.GetRequiredService<SyncService>(), options.Time, options.ScheduleInterval, sp.GetRequiredService<ILogger<SyncScheduler>>(), sp.GetRequiredService<DispatchSignal>()));
        services.AddSingleton(sp => new EmbeddedAgentOperations(sp.GetRequiredService<ConnectorModules>().Operations, sp.GetRequiredService<ConnectorModules>().AuthenticatorProviders));
        services.AddAgentPlane(agentPlane);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        services.AddAuthentication(BearerAuthentication.SchemeName).AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BearerAuthentication>(BearerAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(BearerAuthentication.AdminPolicy, p => p.RequireRole(BearerAuthentication.AdminPolicy))
            .AddPolicy(BearerAuthentication.ReaderPolicy, p => p.RequireRole(BearerAuthentication.ReaderPolicy));
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled (Ctrl+C, SIGTERM).</summary>
    public async Task WaitForShutdownAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutting down is what was asked.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _store.DisposeAsync().ConfigureAwait(false);
        _masterKey.Dispose();
        _certificate.Dispose();
    }
}

/// <summary>Parses <c>--urls</c>: https only, an IP address or localhost, and a port (0 picks one).</summary>
internal static class ListenAddresses
{
    public static IReadOnlyList<(IPAddress Address, int Port)> Parse(string urls)
    {
        var result = new List<(IPAddress, int)>();
        foreach (var text in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(text.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || uri.Scheme != Uri.UriSchemeHttps)
            {
                throw new AssetBridgeException(ErrorKind.Usage, $"--urls takes https addresses such as https://127.0.0.1:8443, not '{text}'.");
            }

            var address = uri.IsLoopback && !IPAddress.TryParse(uri.Host.Trim('[', ']'), out _)
                ? IPAddress.Loopback
                : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip)
                    ? ip
                    : throw new AssetBridgeException(ErrorKind.Usage, $"--urls takes an IP address or localhost, not the host name '{uri.Host}'.");
            result.Add((address, uri.Port));
        }

        return result.Count > 0 ? result : throw new AssetBridgeException(ErrorKind.Usage, "--urls needs at least one https address.");
    }
}
