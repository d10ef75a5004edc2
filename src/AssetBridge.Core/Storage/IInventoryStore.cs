using AssetBridge.Core.Ingestion;
using AssetBridge.Core.Inventory;

namespace AssetBridge.Core.Storage;

/// <summary>The inventory: records upserted by result chunks, read back as devices with their links.</summary>
public interface IInventoryStore
{
    /// <summary>
    /// Applies a chunk in one transaction: checks the lease, records <c>(job, attempt, seq)</c>, and
    /// upserts each record keyed by <c>(connector, source table, sys_id)</c>, stamping it as seen by
    /// the job's run and clearing any deletion mark.
    /// </summary>
    Task<ChunkApplyResult> ApplyChunkAsync(ResultChunk chunk, CancellationToken cancellationToken);

    /// <summary>
    /// Marks deleted every live record of a kind for a connector that the given (completed, full)
    /// run did not see. Returns how many were marked.
    /// </summary>
    Task<long> MarkUnseenDeletedAsync(long connectorId, EntityKind kind, long runId, DateTimeOffset deletedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Marks deleted every live record of a kind for a connector whose key starts with
    /// <paramref name="keyPrefix"/> (ordinal, keys are stored normalised) and that the run did not
    /// see: the deletion scope of one job that listed its scope completely. Returns how many were marked.
    /// </summary>
    Task<long> MarkUnseenDeletedInScopeAsync(long connectorId, EntityKind kind, long runId, string keyPrefix, DateTimeOffset deletedAt, CancellationToken cancellationToken);

    /// <summary>Live cloud VMs of every connector (or one), ordered by connector and resource id, streamed.</summary>
    IAsyncEnumerable<StoredCloudVm> ReadCloudVmsAsync(long? connectorId, CancellationToken cancellationToken);

    /// <summary>Live VM instance CIs that no live device links to (by a cmdb_rel_ci row either way), ordered by connector and sys_id, streamed.</summary>
    IAsyncEnumerable<StoredVmInstance> ReadUnlinkedVmInstancesAsync(long? connectorId, CancellationToken cancellationToken);

    /// <summary>Devices ordered by connector and sys_id, streamed: memory stays flat whatever the inventory's size.</summary>
    IAsyncEnumerable<StoredDevice> ReadDevicesAsync(DeviceQuery query, CancellationToken cancellationToken);

    /// <summary>A connector's live business applications by sys_id.</summary>
    Task<IReadOnlyDictionary<string, BusinessApplication>> ReadApplicationsAsync(long connectorId, CancellationToken cancellationToken);

    Task<InventoryCounts> CountAsync(long? connectorId, CancellationToken cancellationToken);
}
