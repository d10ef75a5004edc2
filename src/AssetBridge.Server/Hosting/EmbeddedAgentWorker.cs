using AssetBridge.Agent.Credentials;
using AssetBridge.Agent.Execution;
using AssetBridge.Agent.Runtime;
using AssetBridge.Agent.Transport;
using AssetBridge.Core.Application;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Operations;
using AssetBridge.Core.Storage;
using AssetBridge.Server.Composition;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Server.Hosting;

/// <summary>The server's own agent: the same runtime a remote agent runs, over the in-process channel.</summary>
internal sealed class EmbeddedAgentWorker(IStore store, ICredentialVault vault, RunFinalizer finalizer, ConnectorModules modules, TimeProvider time, ILoggerFactory loggers) : BackgroundService
{
    // A replica's embedded agent is named after its host, so several replicas are several agents.
    private static readonly string Name = "embedded-" + Environment.MachineName.ToLowerInvariant();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await store.Agents.UpsertEmbeddedAsync(Name, Environment.MachineName, typeof(EmbeddedAgentWorker).Assembly.GetName().Version?.ToString(), time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
        var options = new AgentOptions { Name = Name };

        // AGENT-PLANE: once the dispatcher assigns jobs, claim only those assigned to this agent
        // (IncludeUnassigned: false) and heartbeat through the agent monitor instead of this upsert.
        var channel = new InProcessAgentChannel(store, vault, finalizer, new AgentClaim(options.Name, options.LeaseDuration, IncludeUnassigned: true));
        var logger = loggers.CreateLogger("AssetBridge.Agent");
        var executor = new JobExecutor(channel, new OperationMap(modules.Operations), new CredentialFactory(modules.AuthenticatorProviders), options, time, logger);
        var runtime = new AgentRuntime(channel, executor, options, time, logger);
        await runtime.RunAsync(stoppingToken).ConfigureAwait(false);
    }
}
