using AssetBridge.Core.Agents;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Runs;
using AssetBridge.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Server.Agents;

/// <summary>
/// Fail-over (the seed's "Fail over MID server"): a Down agent's ready and processing jobs are re-homed
/// (their leases revoked, so the old holder can no longer land results) and dispatched again. A Paused
/// or Draining agent's queued jobs are re-homed once it runs none, so its running jobs may finish.
/// Jobs queued for an agent that no longer exists are re-homed too. Re-homing is idempotent, so
/// several replicas may run this at once.
/// </summary>
internal sealed class AgentMonitor : BackgroundService
{
    private readonly IStore _store;
    private readonly DispatchSignal _dispatch;
    private readonly AgentPlaneOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public AgentMonitor(IStore store, DispatchSignal dispatch, AgentPlaneOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        _store = store;
        _dispatch = dispatch;
        _options = options;
        _time = time;
        _logger = loggers.CreateLogger<AgentMonitor>();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CheckOnceAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(_options.MonitorInterval, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                _logger.LogWarning(error, "Checking agents for fail-over failed; retrying.");
                await Task.Delay(_options.MonitorInterval, _time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    internal async Task<int> CheckOnceAsync(CancellationToken cancellationToken)
    {
        var loads = await _store.Jobs.CountLoadByAgentAsync(cancellationToken).ConfigureAwait(false);
        if (loads.Count == 0)
        {
            return 0;
        }

        var now = _time.GetUtcNow();
        var agents = (await _store.Agents.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(a => a.Name, StringComparer.Ordinal);
        HashSet<string>? running = null;
        var rehomed = 0;
        foreach (var name in loads.Keys)
        {
            var status = agents.TryGetValue(name, out var agent) ? agent.StatusAt(now, _options.DownAfter) : (AgentStatus?)null;
            string why;
            switch (status)
            {
                case null:
                    why = "was removed";
                    break;
                case AgentStatus.Down:
                    why = $"is Down (last heartbeat {agent!.LastSeenAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "never"})";
                    break;
                case AgentStatus.Paused or AgentStatus.Draining:
                    running ??= await AgentsRunningJobsAsync(cancellationToken).ConfigureAwait(false);
                    if (running.Contains(name))
                    {
                        continue;
                    }

                    why = $"is {status}";
                    break;
                default:
                    continue;
            }

            var count = await _store.Jobs.RehomeAsync(name, now, cancellationToken).ConfigureAwait(false);
            if (count > 0)
            {
                rehomed += count;
                _logger.LogWarning("Agent {Agent} {Why}: re-homed {Count} of its jobs to other agents.", name, why, count);
            }
        }

        if (rehomed > 0)
        {
            _dispatch.Pulse();
        }

        return rehomed;
    }

    /// <summary>Agents holding a processing job of a running run.</summary>
    private async Task<HashSet<string>> AgentsRunningJobsAsync(CancellationToken cancellationToken)
    {
        var holders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in await _store.Runs.ListAsync(null, 100, cancellationToken).ConfigureAwait(false))
        {
            if (run.State != RunState.Running)
            {
                continue;
            }

            foreach (var job in await _store.Jobs.ListByRunAsync(run.Id, cancellationToken).ConfigureAwait(false))
            {
                if (job.State == JobState.Processing && job.AssignedAgent is { } holder)
                {
                    holders.Add(holder);
                }
            }
        }

        return holders;
    }
}
