using AssetBridge.Core.Connectors;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Runs;
using AssetBridge.Core.Storage;

namespace AssetBridge.Core.Application;

/// <summary>Starts sync runs (plan + enqueue) and waits for them; the same path for the CLI, the API and the scheduler.</summary>
public sealed class SyncService
{
    private readonly IStore _store;
    private readonly Dictionary<string, ISyncPlanner> _planners;
    private readonly RunFinalizer _finalizer;
    private readonly TimeProvider _time;

    public SyncService(IStore store, IEnumerable<ISyncPlanner> planners, RunFinalizer finalizer, TimeProvider time)
    {
        _store = store;
        _planners = planners.ToDictionary(p => p.ConnectorKind, StringComparer.OrdinalIgnoreCase);
        _finalizer = finalizer;
        _time = time;
    }

    /// <summary>
    /// Starts a run of the connector. When a run left behind by a stopped process exists (no job of it
    /// holds a live lease), that run is resumed instead: its jobs go back to whichever agent claims them.
    /// </summary>
    public async Task<StartedRun> StartAsync(Connector connector, SyncMode mode, CancellationToken cancellationToken)
    {
        if (!_planners.TryGetValue(connector.Kind, out var planner))
        {
            throw new AssetBridgeException(ErrorKind.Configuration, $"Connector '{connector.Name}' is of kind '{connector.Kind}', which this build cannot sync; upgrade AssetBridge.");
        }

        var running = (await _store.Runs.ListAsync(connector.Id, 1, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(r => r.State == RunState.Running);
        if (running is not null)
        {
            var jobs = await _store.Jobs.ListByRunAsync(running.Id, cancellationToken).ConfigureAwait(false);
            var now = _time.GetUtcNow();
            var leasedUntil = jobs.Where(j => j.State == JobState.Processing && j.LeaseExpiresAt > now).Max(j => j.LeaseExpiresAt);
            if (leasedUntil is { } until)
            {
                throw new AssetBridgeException(
                    ErrorKind.Conflict,
                    $"A sync of connector '{connector.Name}' is already running (run {running.Id}); wait for it to finish — or, if the process running it was killed, run this again after {until.UtcDateTime:HH:mm:ss} UTC, when its leases expire and the run resumes.");
            }

            return new StartedRun(running, Resumed: true);
        }

        mode = planner.ModeFor(mode);
        var run = await _store.Runs.CreateAsync(connector.Id, mode, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var watermarks = mode == SyncMode.Full
            ? new Dictionary<string, Inventory.Watermark>()
            : await _store.Connectors.GetWatermarksAsync(connector.Id, cancellationToken).ConfigureAwait(false);
        var plan = planner.Plan(connector, run, watermarks);
        await _store.Jobs.EnqueueAsync(plan, cancellationToken).ConfigureAwait(false);
        return new StartedRun(run, Resumed: false);
    }

    /// <summary>
    /// Waits until the run has ended, reporting progress at each poll, and finalizes it when its jobs are done
    /// (finalization is idempotent, so it does not matter whether an agent channel did it first).
    /// </summary>
    public async Task<SyncRun> WaitAsync(long runId, Action<SyncProgress>? progress, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        while (true)
        {
            var jobs = await _store.Jobs.ListByRunAsync(runId, cancellationToken).ConfigureAwait(false);
            progress?.Invoke(new SyncProgress(runId, jobs));
            var run = await _finalizer.TryFinalizeAsync(runId, cancellationToken).ConfigureAwait(false)
                ?? throw new AssetBridgeException(ErrorKind.NotFound, $"Run {runId} no longer exists; its connector was removed.");
            if (run.State != RunState.Running)
            {
                progress?.Invoke(new SyncProgress(runId, await _store.Jobs.ListByRunAsync(runId, cancellationToken).ConfigureAwait(false)));
                return run;
            }

            await Task.Delay(pollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>A run that was started, or resumed because a stopped process left it unfinished.</summary>
public sealed record StartedRun(SyncRun Run, bool Resumed);
