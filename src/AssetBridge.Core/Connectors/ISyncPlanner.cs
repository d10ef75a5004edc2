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
}
