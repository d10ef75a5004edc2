using AssetBridge.Core.Connectors;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Runs;
using AssetBridge.Core.Storage;

namespace AssetBridge.Core.Application;

/// <summary>
/// Ends a run once every one of its jobs is terminal. This is where "a failed or partial run deletes
/// nothing" is decided: deletions are marked only for a full run whose every job was processed.
/// </summary>
public sealed class RunFinalizer
{
    private readonly IStore _store;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, ISyncPlanner> _planners;

    /// <param name="planners">The connector kinds' planners, for follow-up jobs and per-job deletion scopes; none means neither.</param>
    public RunFinalizer(IStore store, TimeProvider time, IEnumerable<ISyncPlanner>? planners = null)
    {
        _store = store;
        _time = time;
        _planners = (planners ?? []).ToDictionary(p => p.ConnectorKind, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Finalizes the run if all its jobs are terminal; returns the run as it then stands.</summary>
    public async Task<SyncRun?> TryFinalizeAsync(long runId, CancellationToken cancellationToken)
    {
        var run = await _store.Runs.GetAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run is null || run.State != RunState.Running)
        {
            return run;
        }

        var jobs = await _store.Jobs.ListByRunAsync(runId, cancellationToken).ConfigureAwait(false);
        var planner = await PlannerOfAsync(run, cancellationToken).ConfigureAwait(false);
        if (planner.Planner is not null && await AddFollowUpsAsync(planner.Planner, planner.Connector!, run, jobs, cancellationToken).ConfigureAwait(false))
        {
            jobs = await _store.Jobs.ListByRunAsync(runId, cancellationToken).ConfigureAwait(false);
        }

        if (jobs.Any(j => j.State is JobState.Ready or JobState.Processing))
        {
            return run;
        }

        // Checkpoint: watermarks advance only for jobs that processed to the end; a repeated
        // finalization writes the same values again.
        foreach (var job in jobs.Where(j => j.State == JobState.Processed && j.Outcome?.Watermark is not null))
        {
            await _store.Connectors.SetWatermarkAsync(run.ConnectorId, job.Scope, job.Outcome!.Watermark!, cancellationToken).ConfigureAwait(false);
        }

        var failed = jobs.Where(j => j.State == JobState.Error).ToList();
        long deleted = 0;
        var now = _time.GetUtcNow();

        // Checkpoint: a job that listed its own scope completely (an Azure subscription) marks that
        // scope's unseen records deleted whatever its sibling jobs did; a failed job deletes nothing.
        var scoped = new HashSet<EntityKind>();
        foreach (var job in jobs.Where(j => j.State == JobState.Processed && j.Kind is not null))
        {
            if (planner.Planner?.IndependentDeletionScope(job) is { } prefix)
            {
                scoped.Add(job.Kind!.Value);
                deleted += await _store.Inventory.MarkUnseenDeletedInScopeAsync(run.ConnectorId, job.Kind!.Value, runId, prefix, now, cancellationToken).ConfigureAwait(false);
            }
        }

        if (failed.Count == 0 && run.Mode == SyncMode.Full && jobs.Count > 0)
        {
            // Checkpoint: the only place other records are marked deleted — a full run, every job processed.
            foreach (var kind in jobs.Where(j => j.Kind is not null).Select(j => j.Kind!.Value).Distinct().Where(k => !scoped.Contains(k)))
            {
                deleted += await _store.Inventory.MarkUnseenDeletedAsync(run.ConnectorId, kind, runId, now, cancellationToken).ConfigureAwait(false);
            }
        }

        var counts = Count(jobs, deleted);
        var error = Describe(failed);
        await _store.Runs.FinishAsync(
            runId,
            failed.Count == 0 ? RunState.Completed : RunState.Failed,
            counts,
            error,
            _time.GetUtcNow(),
            cancellationToken).ConfigureAwait(false);
        return await _store.Runs.GetAsync(runId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(ISyncPlanner? Planner, Connector? Connector)> PlannerOfAsync(SyncRun run, CancellationToken cancellationToken)
    {
        if (_planners.Count == 0)
        {
            return (null, null);
        }

        var connector = await _store.Connectors.GetAsync(run.ConnectorId, cancellationToken).ConfigureAwait(false);
        return connector is not null && _planners.TryGetValue(connector.Kind, out var planner) ? (planner, connector) : (null, null);
    }

    /// <summary>
    /// Enqueues the follow-ups of processed jobs that are not in the run yet. The queue skips a
    /// (run, scope) that exists, so replicas finalizing the same run at once add each job once.
    /// </summary>
    private async Task<bool> AddFollowUpsAsync(ISyncPlanner planner, Connector connector, SyncRun run, IReadOnlyList<JobRecord> jobs, CancellationToken cancellationToken)
    {
        var scopes = jobs.Select(j => j.Scope).ToHashSet(StringComparer.Ordinal);
        var missing = jobs
            .Where(j => j.State == JobState.Processed)
            .SelectMany(j => planner.PlanFollowUps(connector, run, j))
            .Where(j => scopes.Add(j.Scope))
            .ToList();
        if (missing.Count == 0)
        {
            return false;
        }

        await _store.Jobs.EnqueueAsync(missing, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// One sentence when every failed job failed for the same reason (a wrong password fails all four
    /// tables alike); otherwise each distinct reason, prefixed with the scopes it hit.
    /// </summary>
    private static string? Describe(IReadOnlyList<JobRecord> failed)
    {
        if (failed.Count == 0)
        {
            return null;
        }

        var reasons = failed.GroupBy(j => j.Error ?? "The job failed without a reason.", StringComparer.Ordinal).ToList();
        return reasons.Count == 1
            ? reasons[0].Key
            : string.Join(" ", reasons.Select(r => $"{string.Join(", ", r.Select(j => j.Scope))}: {r.Key}"));
    }

    private static RunCounts Count(IReadOnlyList<JobRecord> jobs, long deleted)
    {
        long Of(EntityKind kind) => jobs.Where(j => j.Kind == kind).Sum(j => j.Outcome?.Records ?? j.RecordsApplied);
        var hidden = jobs.Sum(j => j.Outcome?.Hidden ?? 0);
        return new RunCounts(
            Of(EntityKind.Device),
            Of(EntityKind.NetworkAdapter),
            Of(EntityKind.BusinessApplication),
            Of(EntityKind.Relationship),
            deleted,
            hidden)
        {
            VmInstances = Of(EntityKind.VmInstance),
            CloudVms = Of(EntityKind.CloudVm),
        };
    }
}
