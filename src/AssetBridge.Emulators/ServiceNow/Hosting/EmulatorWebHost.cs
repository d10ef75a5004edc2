using System.Net;
using AssetBridge.Emulators.ServiceNow.Acl;
using AssetBridge.Emulators.ServiceNow.Api;
using AssetBridge.Emulators.ServiceNow.Auth;
using AssetBridge.Emulators.ServiceNow.Faults;
using AssetBridge.Emulators.ServiceNow.RateLimiting;
using AssetBridge.Emulators.ServiceNow.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Emulators.ServiceNow.Hosting;

/// <summary>
/// The Kestrel application: bound to 127.0.0.1 only, no logging (a benchmark's hot path), no
/// console lifetime (the host process owns Ctrl+C), and the ServiceNow routes.
/// </summary>
internal static class EmulatorWebHost
{
    private static readonly (string Prefix, ApiVersion Version)[] TablePaths =
    [
        ("/api/now/table/", ApiVersion.Latest),
        ("/api/now/v1/table/", ApiVersion.V1),
        ("/api/now/v2/table/", ApiVersion.V2),
    ];

    public static WebApplication Build(
        ServiceNowEmulatorOptions options, RecordStore store, UserDirectory users, FaultInjector faults,
        RowVisibility visibility, EmulatorStats stats, CancellationToken shutdown)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, SilentHostLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });

        var time = options.TimeProvider;
        var tokens = new TokenStore(time, options.TokenLifetime);
        var rateLimiter = new UserRateLimiter(options.RateLimitPerSecond, time);
        var tableApi = new TableApiEndpoint(
            new RequestAuthenticator(users, tokens),
            rateLimiter,
            faults,
            new FaultResponder(faults, rateLimiter, time, shutdown),
            new TableReader(store, visibility),
            stats);
        var oauth = new OAuthTokenEndpoint(users, tokens, stats);
        var recorder = new RequestRecorder(stats, time);

        var app = builder.Build();
        app.Use(recorder.InvokeAsync);
        foreach (var (prefix, version) in TablePaths)
        {
            app.MapGet(prefix + "{table}", (RequestDelegate)(context => tableApi.HandleAsync(context, version)));
            app.MapGet(prefix + "{table}/{sys_id}", (RequestDelegate)(context => tableApi.HandleAsync(context, version)));
        }

        app.MapPost("/oauth_token.do", (RequestDelegate)oauth.HandleAsync);
        app.MapFallback((RequestDelegate)(context => ErrorEnvelope.NotPartOfApiAsync(context.Response)));
        return app;
    }

    /// <summary>Starts and stops with the emulator object, not with process signals.</summary>
    private sealed class SilentHostLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
