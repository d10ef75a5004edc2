using AssetBridge.Agent.Credentials;
using AssetBridge.Agent.Execution;
using AssetBridge.Agent.Runtime;
using AssetBridge.Agent.Transport;
using AssetBridge.Core.Agents;
using AssetBridge.Core.Application;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Operations;
using AssetBridge.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Server.Agents;

/// <summary>
/// The server's own agent (ServiceNow's NODE_AGENT): approved, capability ALL, every address. It takes
/// only jobs the dispatcher assigned to it, heartbeats through the store, and wakes when jobs are assigned.
/// </summary>
internal sealed class EmbeddedAgentService : BackgroundService
{
    private readonly IStore _store;
    private readonly ICredentialVault _vault;
    private readonly RunFinalizer _finalizer;
    private readonly ClaimSignal _claims;
    private readonly AgentPlaneOptions _options;
    private readonly EmbeddedAgentOperations _operations;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;

    public EmbeddedAgentService(IStore store, ICredentialVault vault, RunFinalizer finalizer, ClaimSignal claims, AgentPlaneOptions options, EmbeddedAgentOperations operations, TimeProvider time, ILoggerFactory loggers)
    {
        _store = store;
        _vault = vault;
        _finalizer = finalizer;
        _claims = claims;
        _options = options;
        _operations = operations;
        _time = time;
        _loggers = loggers;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var version = typeof(EmbeddedAgentService).Assembly.GetName().Version?.ToString();
        var agent = await _store.Agents.UpsertEmbeddedAsync(_options.EmbeddedAgentName, Environment.MachineName, version, _time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
        var logger = _loggers.CreateLogger("AssetBridge.Agent.Embedded");
        var agentOptions = new AgentOptions
        {
            Name = agent.Name,
            Concurrency = _options.EmbeddedConcurrency,
            LeaseDuration = _options.LeaseDuration,
            HeartbeatInterval = _options.LeaseDuration / 4,
            IdlePollInterval = _options.ClaimRecheckInterval,
        };
        var channel = new InProcessAgentChannel(_store, _vault, _finalizer, new AgentClaim(agent.Name, _options.LeaseDuration, IncludeUnassigned: false));
        var executor = new JobExecutor(channel, new OperationMap(_operations.Operations), new CredentialFactory(_operations.AuthenticatorProviders), agentOptions, _time, logger);
        var runtime = new AgentRuntime(channel, executor, agentOptions, _time, logger);
        logger.LogInformation("Embedded agent {Agent} started.", agent.Name);
        await Task.WhenAll(runtime.RunAsync(stoppingToken), HeartbeatAsync(agent.Id, stoppingToken), WakeAsync(runtime, stoppingToken)).ConfigureAwait(false);
    }

    private async Task HeartbeatAsync(long agentId, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await _store.Agents.TouchAsync(agentId, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                await Task.Delay(AgentHeartbeat.DefaultInterval < _options.DownAfter / 4 ? AgentHeartbeat.DefaultInterval : _options.DownAfter / 4, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task WakeAsync(AgentRuntime runtime, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await _claims.Assigned.WaitAsync(TimeSpan.FromSeconds(30), _time, cancellationToken).ConfigureAwait(false);
                runtime.Wake();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}

/// <summary>The operation handlers and authenticators the embedded agent runs with (from the connector modules).</summary>
public sealed record EmbeddedAgentOperations(IReadOnlyList<IOperation> Operations, IReadOnlyList<IAuthenticatorProvider> AuthenticatorProviders);
