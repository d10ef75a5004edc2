using AssetBridge.Core.Agents;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Server.Agents;

/// <summary>
/// Places unassigned jobs on agents: for each, the <see cref="AgentSelector"/> chooses from the agents'
/// current statuses, clusters and loads; the job is assigned (a conditional update, so replicas never
/// double-assign) or keeps a wait reason that says why. Runs on every <see cref="DispatchSignal"/>
/// pulse and at least every <see cref="AgentPlaneOptions.DispatchInterval"/>.
/// </summary>
internal sealed class Dispatcher : BackgroundService
{
    private const int BatchSize = 500;
    private readonly IStore _store;
    private readonly DispatchSignal _signal;
    private readonly ClaimSignal _claims;
    private readonly AgentPlaneOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public Dispatcher(IStore store, DispatchSignal signal, ClaimSignal claims, AgentPlaneOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        _store = store;
        _signal = signal;
        _claims = claims;
        _options = options;
        _time = time;
        _logger = loggers.CreateLogger<Dispatcher>();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchOnceAsync(stoppingToken).ConfigureAwait(false);
                await _signal.WaitAsync(_options.DispatchInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                _logger.LogWarning(error, "Dispatching jobs to agents failed; retrying.");
                await Task.Delay(_options.DispatchInterval, _time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One pass over the unassigned jobs; returns how many were assigned.</summary>
    internal async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var jobs = await _store.Jobs.ListUnassignedAsync(BatchSize, cancellationToken).ConfigureAwait(false);
        if (jobs.Count == 0)
        {
            return 0;
        }

        var now = _time.GetUtcNow();
        var agents = await _store.Agents.ListAsync(cancellationToken).ConfigureAwait(false);
        var loads = new Dictionary<string, int>(await _store.Jobs.CountLoadByAgentAsync(cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
        var clusters = (await _store.Agents.ListClustersAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Name, StringComparer.Ordinal);
        var connectors = new Dictionary<long, Connector?>();
        var resolver = new TargetResolver();
        var needsAddresses = agents.Any(a => !a.IpRanges.IsUnlimited);
        var assigned = 0;

        foreach (var job in jobs)
        {
            if (!connectors.TryGetValue(job.ConnectorId, out var connector))
            {
                connector = await _store.Connectors.GetAsync(job.ConnectorId, cancellationToken).ConfigureAwait(false);
                connectors[job.ConnectorId] = connector;
            }

            var placement = connector?.Placement ?? AgentPlacement.Any;
            var host = JobTarget.Host(job.Target);
            var addresses = needsAddresses ? await resolver.ResolveAsync(host, cancellationToken).ConfigureAwait(false) : [];
            var candidates = agents.Select(a => new AgentCandidate(a, a.StatusAt(now, _options.DownAfter), loads.GetValueOrDefault(a.Name))).ToList();
            var cluster = placement.PinnedCluster is { } name ? clusters.GetValueOrDefault(name) : null;
            var selection = AgentSelector.Select(new AgentSelectionRequest(job.Operation.Provider, host, addresses, placement), candidates, cluster);

            if (selection.AgentName is { } agent)
            {
                if (await _store.Jobs.AssignAsync(job.Id, agent, cancellationToken).ConfigureAwait(false))
                {
                    loads[agent] = loads.GetValueOrDefault(agent) + 1;
                    assigned++;
                }
            }
            else if (!string.Equals(job.WaitReason, selection.WaitReason, StringComparison.Ordinal))
            {
                await _store.Jobs.SetWaitReasonAsync(job.Id, selection.WaitReason, cancellationToken).ConfigureAwait(false);
                _logger.LogInformation("Job {JobId} {Operation}: {WaitReason}.", job.Id, job.Operation, selection.WaitReason);
            }
        }

        if (assigned > 0)
        {
            // Checkpoint: held claims wake now rather than at their next database re-check.
            _claims.Assigned.Pulse();
        }

        return assigned;
    }
}
