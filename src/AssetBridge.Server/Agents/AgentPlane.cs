using AssetBridge.Agent.Protocol;
using AssetBridge.Core.Application;
using AssetBridge.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using AssetBridge.Server.Composition;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AssetBridge.Server.Agents;

/// <summary>Registers and maps the agent plane: dispatcher, fail-over monitor, embedded agent and the /agent/v1 routes.</summary>
public static class AgentPlane
{
    /// <summary>
    /// Registers the dispatcher, the agent monitor, the embedded agent (unless
    /// <see cref="AgentPlaneOptions.EmbeddedAgent"/> is false; it runs the operations of the registered
    /// <see cref="ConnectorModules"/>, or of an <see cref="EmbeddedAgentOperations"/> registered first),
    /// <see cref="DispatchSignal"/>, <see cref="AgentService"/> and what the agent routes need. Expects
    /// IStore, ICredentialVault, RunFinalizer, TimeProvider and ILoggerFactory to be registered already.
    /// </summary>
    public static IServiceCollection AddAgentPlane(this IServiceCollection services, AgentPlaneOptions options)
    {
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton<DispatchSignal>();
        services.AddSingleton<ClaimSignal>();
        services.AddSingleton(sp => new AgentService(sp.GetRequiredService<IStore>(), sp.GetRequiredService<TimeProvider>(), options.DownAfter));
        services.AddSingleton<AgentIdentityEndpoints>();
        services.AddSingleton<AgentJobEndpoints>();
        services.AddHostedService<Dispatcher>();
        services.AddHostedService<AgentMonitor>();
        if (options.EmbeddedAgent)
        {
            // The embedded agent runs the connector modules' operations unless the host registered others.
            services.TryAddSingleton(sp => sp.GetService<ConnectorModules>() is { } modules
                ? new EmbeddedAgentOperations(modules.Operations, modules.AuthenticatorProviders)
                : throw new InvalidOperationException("The embedded agent needs ConnectorModules (or EmbeddedAgentOperations) registered; register it, or set AgentPlaneOptions.EmbeddedAgent to false."));
            services.AddHostedService<EmbeddedAgentService>();
        }

        return services;
    }

    /// <summary>Maps the agent protocol under /agent/v1 (docs/agent-protocol.md). Errors are RFC 7807 problem bodies.</summary>
    public static IEndpointRouteBuilder MapAgentApi(this IEndpointRouteBuilder app)
    {
        var root = app.MapGroup(AgentRoutes.Prefix).AddEndpointFilter(AgentProblems.Filter);
        root.MapPost("/enroll", (HttpContext http, AgentIdentityEndpoints api) => api.EnrollAsync(http));
        root.MapPost("/sessions", (HttpContext http, AgentIdentityEndpoints api) => api.OpenSessionAsync(http));

        var session = root.MapGroup(string.Empty).AddEndpointFilter(AgentSessionFilter.Filter);
        session.MapPost("/heartbeat", (HttpContext http, AgentIdentityEndpoints api) => api.HeartbeatAsync(http));
        session.MapPost("/rekey", (HttpContext http, AgentIdentityEndpoints api) => api.RekeyAsync(http));
        session.MapPost("/jobs/claim", (HttpContext http, AgentJobEndpoints api) => api.ClaimAsync(http));
        session.MapPost("/jobs/{id:long}/renew", (HttpContext http, long id, AgentJobEndpoints api) => api.RenewAsync(http, id));
        session.MapPost("/jobs/{id:long}/credential", (HttpContext http, long id, AgentJobEndpoints api) => api.CredentialAsync(http, id));
        session.MapPost("/jobs/{id:long}/chunks", (HttpContext http, long id, AgentJobEndpoints api) => api.UploadAsync(http, id));
        session.MapPost("/jobs/{id:long}/complete", (HttpContext http, long id, AgentJobEndpoints api) => api.CompleteAsync(http, id));
        session.MapPost("/jobs/{id:long}/fail", (HttpContext http, long id, AgentJobEndpoints api) => api.FailAsync(http, id));
        session.MapPost("/jobs/{id:long}/release", (HttpContext http, long id, AgentJobEndpoints api) => api.ReleaseAsync(http, id));
        return app;
    }
}
