using AssetBridge.Core.Errors;
using AssetBridge.Core.Ingestion;

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
                    $"Record {i + 1} of a {table.Name} chunk from {job.Scope} has no sys_id, so it cannot be stored; check the connector's field mapping for sys_id, then sync again.");
            }

            await upsert.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }

        await upsert.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The job a chunk belongs to, as read from its row when the lease was checked.</summary>
internal readonly record struct ChunkJob(long ConnectorId, long RunId, string Scope);
