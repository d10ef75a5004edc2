using AssetBridge.Core.Inventory;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Runs;

namespace AssetBridge.Core.Connectors;

/// <summary>Splits one sync run of a connector into jobs: one per operation and scope.</summary>
public interface ISyncPlanner
{
    /// <summary>The connector kind this planner plans for, e.g. "servicenow".</summary>
    string ConnectorKind { get; }

    /// <summary>
    /// The jobs of a run. <paramref name="watermarks"/> holds the last completed position per scope;
    /// a full run ignores them.
    /// </summary>
    IReadOnlyList<NewJob> Plan(Connector connector, SyncRun run, IReadOnlyDictionary<string, Watermark> watermarks);

    /// <summary>
    /// Jobs to add to the run after one of its jobs processed, e.g. one ListNodes job per subscription
    /// that "Get Subscriptions" discovered (<see cref="JobOutcome.Discovered"/>). Called again on every
    /// finalization attempt: a follow-up's scope must be stable, because the queue ignores a job whose
    /// (run, scope) already exists. Default: none.
    /// </summary>
    IReadOnlyList<NewJob> PlanFollowUps(Connector connector, SyncRun run, JobRecord processed) => [];

    /// <summary>
    /// The record-key prefix whose unseen records a processed job may mark deleted on its own, even
    /// when other jobs of the run failed (an Azure subscription listed completely:
    /// <c>/subscriptions/{id}/</c>); null (default) when deletions wait for a whole full run.
    /// </summary>
    string? IndependentDeletionScope(JobRecord processed) => null;

    /// <summary>
    /// The mode a requested run actually has: a source that can only be listed completely (Azure
    /// Resource Manager) makes every run full. Default: as requested.
    /// </summary>
    SyncMode ModeFor(SyncMode requested) => requested;
}
