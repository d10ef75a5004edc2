using System.Net;
using System.Security.Cryptography.X509Certificates;
using AssetBridge.Emulators.Azure.Arm;
using AssetBridge.Emulators.Azure.Entra;
using AssetBridge.Emulators.Azure.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Emulators.Azure.Hosting;

/// <summary>
/// The Kestrel application: HTTPS on 127.0.0.1 only with the emulator's own certificate, no logging,
/// no console lifetime, and the Entra and ARM routes on one host (the authority host is the ARM
/// endpoint). Literal route segments match case-insensitively, as ARM's paths do.
/// </summary>
internal static class AzureWebHost
{
    public static WebApplication Build(int port, X509Certificate2 certificate, AzureRoutes routes, AzureEmulatorStats stats)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, SilentHostLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(new HttpsConnectionAdapterOptions { ServerCertificate = certificate }));
        });

        var app = builder.Build();
        var recorder = new AzureRequestRecorder(stats);
        app.Use(recorder.InvokeAsync);

        app.MapPost("/{tenant}/oauth2/v2.0/token", routes.Entra(routes.Token.HandleAsync)).WithName("token");
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", routes.Entra(routes.Discovery.OpenIdConfigurationAsync)).WithName("openid-configuration");
        app.MapGet("/common/discovery/instance", routes.Entra(routes.Discovery.InstanceDiscoveryAsync)).WithName("instance-discovery");
        app.MapGet("/{tenant}/discovery/v2.0/keys", routes.Entra(routes.Discovery.KeysAsync)).WithName("keys");

        app.MapGet("/subscriptions", (RequestDelegate)routes.Arm.ListSubscriptionsAsync).WithName("subscriptions");
        app.MapGet("/subscriptions/{subscriptionId}", (RequestDelegate)routes.Arm.GetSubscriptionAsync).WithName("subscription");
        app.MapGet("/subscriptions/{subscriptionId}/providers/Microsoft.Compute/virtualMachines", (RequestDelegate)routes.Arm.ListVirtualMachinesAsync).WithName("virtualMachines");
        app.MapGet("/subscriptions/{subscriptionId}/providers/Microsoft.Network/networkInterfaces", (RequestDelegate)routes.Arm.ListNetworkInterfacesAsync).WithName("networkInterfaces");
        app.MapGet("/subscriptions/{subscriptionId}/providers/Microsoft.Network/publicIPAddresses", (RequestDelegate)routes.Arm.ListPublicIpAddressesAsync).WithName("publicIPAddresses");
        app.MapFallback((RequestDelegate)ArmEndpoints.NotFoundAsync);
        return app;
    }

    /// <summary>Starts and stops with the emulator object, not with process signals.</summary>
    private sealed class SilentHostLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>The handlers behind the routes, and the fault stage Entra routes share.</summary>
internal sealed class AzureRoutes(TokenEndpoint token, DiscoveryEndpoints discovery, ArmEndpoints arm, AzureFaultInjector faults, AzureEmulatorStats stats, TimeProvider time, RequestIds ids)
{
    public TokenEndpoint Token => token;

    public DiscoveryEndpoints Discovery => discovery;

    public ArmEndpoints Arm => arm;

    /// <summary>Entra routes take scripted faults only (a script naming their path); random faults are for ARM.</summary>
    public RequestDelegate Entra(RequestDelegate handler) => async context =>
    {
        if (faults.Next(context.Request.Path.Value ?? string.Empty, isArm: false) is { } fault)
        {
            stats.CountFault(fault);
            await AzureFaultResponder.WriteEntraFaultAsync(context, fault, time, ids).ConfigureAwait(false);
            return;
        }

        await handler(context).ConfigureAwait(false);
    };
}
