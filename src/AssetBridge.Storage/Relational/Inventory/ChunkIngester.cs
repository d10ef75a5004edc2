using System.Threading.Channels;
using AssetBridge.Core.Ingestion;

namespace AssetBridge.Storage.Relational.Inventory;

/// <summary>
/// Applies result chunks: one transaction per chunk, so a chunk is either wholly in the inventory and
/// recorded as applied, or not at all.
/// </summary>
internal sealed class ChunkIngester(RelationalDatabase database) : IAsyncDisposable
{
    /// <summary>At most this many chunks share one transaction, so a commit never waits on a long queue.</summary>
    private const int MaxChunksPerCommit = 16;

    /// <summary>...and at most about this many records (one chunk alone may exceed it).</summary>
    private const int MaxRecordsPerCommit = 20_000;

    private const string Savepoint = "SAVEPOINT chunk";
    private const string ReleaseSavepoint = "RELEASE SAVEPOINT chunk";
    private const string RollbackSavepoint = "ROLLBACK TO SAVEPOINT chunk";

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

    private readonly Channel<PendingChunk> queue = Channel.CreateUnbounded<PendingChunk>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock startLock = new();
    private Task? writer;

    /// <summary>
    /// Queues the chunk for the ingestion writer and waits for its outcome. Chunks that arrive together
    /// (several jobs streaming at once) are committed together: each in its own savepoint, so one
    /// chunk's duplicate, lost lease or bad record never touches another's, but one commit (and one
    /// pass of the writer lock) serves them all.
    /// </summary>
    public Task<ChunkApplyResult> ApplyAsync(ResultChunk chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var pending = new PendingChunk(chunk);
        EnsureWriter();
        if (!queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(ChunkIngester), "The store is closed.");
        }

        // A caller that stops waiting does not withdraw the chunk: applying it anyway is harmless.
        return pending.Outcome.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        if (writer is not null)
        {
            await writer.ConfigureAwait(false);
        }
    }

    private void EnsureWriter()
    {
        if (writer is not null)
        {
            return;
        }

        lock (startLock)
        {
            writer ??= Task.Run(WriteAsync);
        }
    }

    private async Task WriteAsync()
    {
        var batch = new List<PendingChunk>(MaxChunksPerCommit);
        while (await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var records = 0;
            while (batch.Count < MaxChunksPerCommit && records < MaxRecordsPerCommit && queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
                records += next.Chunk.Batch.Count;
            }

            await CommitBatchAsync(batch).ConfigureAwait(false);
        }
    }

    private async Task CommitBatchAsync(List<PendingChunk> batch)
    {
        var outcomes = new (ChunkApplyResult Result, Exception? Error)[batch.Count];
        try
        {
            await using var session = await database.BeginWriteAsync(CancellationToken.None).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
            {
                await ExecuteAsync(session, Savepoint).ConfigureAwait(false);
                try
                {
                    outcomes[i] = (await ApplyInSessionAsync(session, batch[i].Chunk, CancellationToken.None).ConfigureAwait(false), null);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    outcomes[i] = (ChunkApplyResult.LeaseLost, e);
                }

                // Checkpoint 4: only an applied chunk keeps its writes; a duplicate, a lost lease or a
                // failure is undone to its own savepoint, and the other chunks of the commit are untouched.
                if (outcomes[i].Result != ChunkApplyResult.Applied || outcomes[i].Error is not null)
                {
                    await ExecuteAsync(session, RollbackSavepoint).ConfigureAwait(false);
                }

                await ExecuteAsync(session, ReleaseSavepoint).ConfigureAwait(false);
            }

            await session.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Nothing of this batch was committed: every chunk in it learns why.
            foreach (var pending in batch)
            {
                pending.Outcome.TrySetException(e);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i].Error is { } error)
            {
                batch[i].Outcome.TrySetException(error);
            }
            else
            {
                batch[i].Outcome.TrySetResult(outcomes[i].Result);
            }
        }
    }

    private static Task<int> ExecuteAsync(WriteSession session, string sql) =>
        session.Prepared(sql, c => CommandBuilder.Create(c, sql)).ExecuteNonQueryAsync(CancellationToken.None);

    private async Task<ChunkApplyResult> ApplyInSessionAsync(WriteSession session, ResultChunk chunk, CancellationToken cancellationToken)
    {

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
        // here and the chunk's savepoint, count included, is rolled back. A new attempt has a new key,
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
        return ChunkApplyResult.Applied;
    }

    private sealed class PendingChunk(ResultChunk chunk)
    {
        public ResultChunk Chunk { get; } = chunk;

        public TaskCompletionSource<ChunkApplyResult> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
