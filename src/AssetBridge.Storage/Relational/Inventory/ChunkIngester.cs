using AssetBridge.Core.Ingestion;

namespace AssetBridge.Storage.Relational.Inventory;

/// <summary>
/// Applies result chunks: one transaction per chunk, so a chunk is either wholly in the inventory and
/// recorded as applied, or not at all.
/// </summary>
internal sealed class ChunkIngester(RelationalDatabase database)
{
    // Checks the lease, locks the job row (on databases with row locks) and counts the records, in one
    // statement; a duplicate chunk rolls the count back with the rest of the transaction.
    private const string TakeJob = """
        UPDATE jobs SET records_applied = records_applied + @count, updated_at = @now
        WHERE id = @id AND lease_token = @token AND attempts = @attempt AND state = 'processing'
        RETURNING connector_id, run_id, scope
        """;

    private const string RecordChunk = """
        INSERT INTO applied_chunks (job_id, attempt, seq) VALUES (@id, @attempt, @seq)
        ON CONFLICT DO NOTHING
        """;

    public async Task<ChunkApplyResult> ApplyAsync(ResultChunk chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        await using var session = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);

        // Checkpoint 1: only the current lease holder's chunks count. A sender whose lease expired and
        // was re-claimed (new token, new attempt), or whose job already ended, is told to stop.
        var take = session.Prepared("chunk:take-job", c => CommandBuilder.Create(c, TakeJob, "count", "now", "id", "token", "attempt"));
        take.Set(0, (long)chunk.Batch.Count);
        take.Set(1, database.NowMilliseconds);
        take.Set(2, chunk.JobId);
        take.Set(3, chunk.LeaseToken.ToString("D"));
        take.Set(4, (long)chunk.Attempt);
        ChunkJob job;
        await using (var reader = await take.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return ChunkApplyResult.LeaseLost;
            }

            job = new ChunkJob(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2));
        }

        // Checkpoint 2: exactly-once effect per (job, attempt, seq). A repeated upload inserts nothing
        // here and the whole transaction, count included, is rolled back. A new attempt has a new key,
        // so its chunks apply again; harmless, because the upserts below are idempotent.
        var record = session.Prepared("chunk:record", c => CommandBuilder.Create(c, RecordChunk, "id", "attempt", "seq"));
        record.Set(0, chunk.JobId);
        record.Set(1, (long)chunk.Attempt);
        record.Set(2, (long)chunk.Seq);
        if (await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            return ChunkApplyResult.Duplicate;
        }

        // Checkpoint 3: the records, keyed by (connector, source table = the job's scope, sys_id),
        // stamped as seen by the job's run; committed together with the chunk key above.
        await RecordUpserter.UpsertAsync(session, database.Dialect, job, chunk.Batch, cancellationToken).ConfigureAwait(false);
        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ChunkApplyResult.Applied;
    }
}
