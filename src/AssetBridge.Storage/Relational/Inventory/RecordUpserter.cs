using AssetBridge.Core.Errors;
using AssetBridge.Core.Ingestion;
using AssetBridge.Core.Inventory;

namespace AssetBridge.Storage.Relational.Inventory;

/// <summary>
/// Upserts a batch through the writer connection's prepared statement for its table: the SQL is
/// compiled once per connection and only values are bound per record (the ingestion hot path).
/// </summary>
internal static class RecordUpserter
{
    public static Task UpsertAsync(WriteSession session, RelationalDialect dialect, ChunkJob job, InventoryBatch batch, CancellationToken cancellationToken) => batch switch
    {
        DeviceBatch b => UpsertAsync(session, dialect, InventoryTables.Devices, job, b.Items, cancellationToken),
        NetworkAdapterBatch b => UpsertAsync(session, dialect, InventoryTables.NetworkAdapters, job, b.Items, cancellationToken),
        BusinessApplicationBatch b => UpsertAsync(session, dialect, InventoryTables.BusinessApplications, job, b.Items, cancellationToken),
        RelationshipBatch b => UpsertAsync(session, dialect, InventoryTables.Relationships, job, b.Items, cancellationToken),
        VmInstanceBatch b => UpsertAsync(session, dialect, InventoryTables.VmInstances, job, b.Items, cancellationToken),
        CloudVmBatch b => UpsertAsync(session, dialect, InventoryTables.CloudVms, job, b.Items, cancellationToken),
        _ => throw new ArgumentException($"Unknown batch type {batch.GetType().Name}.", nameof(batch)),
    };

    private static async Task UpsertAsync<T>(
        WriteSession session, RelationalDialect dialect, InventoryTable<T> table, ChunkJob job, IReadOnlyList<T> records, CancellationToken cancellationToken)
    {
        var upsert = session.Upsert("upsert:" + table.Name, c => dialect.PrepareUpsert(c, table.UpsertSql, table.UpsertParameters));
        InventoryTable<T>.BindChunk(upsert, job.ConnectorId, job.Scope, job.RunId);
        for (var i = 0; i < records.Count; i++)
        {
            if (!table.BindRecord(upsert, records[i]))
            {
                // Thrown inside the chunk's transaction: none of the chunk's records is kept.
                throw new AssetBridgeException(
                    ErrorKind.BadResponse,
                    $"Record {i + 1} of a {table.Name} chunk from {job.Scope} has no {table.KeyColumn}, so it cannot be stored; {MissingKeyFix(table)}");
            }

            await upsert.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }

        await upsert.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    // A CMDB record lacks its sys_id when the field map points sys_id elsewhere; a cloud VM lacks its
    // resource id only if the connector that built it is broken.
    private static string MissingKeyFix(IInventoryTable table) => table.Kind == EntityKind.CloudVm
        ? "the agent's Azure connector sent an incomplete VM; upgrade the agent, then sync again."
        : $"check the connector's field mapping for {table.KeyColumn}, then sync again.";
}

/// <summary>The job a chunk belongs to, as read from its row when the lease was checked.</summary>
internal readonly record struct ChunkJob(long ConnectorId, long RunId, string Scope);
