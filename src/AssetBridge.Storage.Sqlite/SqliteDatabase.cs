using System.Data.Common;
using AssetBridge.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace AssetBridge.Storage.Sqlite;

/// <summary>
/// One SQLite file in WAL mode: a single long-lived writer connection, used by one write session at a
/// time (a <see cref="SemaphoreSlim"/> rather than SQLITE_BUSY retries), and pooled reader connections
/// that read their own snapshots while the writer works.
/// </summary>
internal sealed class SqliteDatabase : RelationalDatabase
{
    // 16 MiB of page cache for the writer keeps the inventory's index pages hot during ingestion
    // while staying well inside the process's memory budget.
    private const int WriterCacheKibibytes = 16 * 1024;

    private readonly string readerConnectionString;
    private readonly long busyTimeoutMs;
    private readonly SqliteConnection writer;
    private readonly PreparedStatements writerStatements = new();
    private readonly SemaphoreSlim writerLock = new(1, 1);
    private bool disposed;

    private SqliteDatabase(string path, TimeProvider time, TimeSpan busyTimeout)
        : base(SqliteDialect.Instance, time)
    {
        busyTimeoutMs = (long)busyTimeout.TotalMilliseconds;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds),
            Pooling = true,
        };
        readerConnectionString = builder.ToString();

        // The writer has its own connection string (no pooling) so its pragmas never leak to readers.
        builder.Pooling = false;
        writer = new SqliteConnection(builder.ToString());
    }

    public static async Task<SqliteDatabase> OpenAsync(string path, TimeProvider time, TimeSpan busyTimeout, CancellationToken cancellationToken)
    {
        var database = new SqliteDatabase(path, time, busyTimeout);
        try
        {
            await database.writer.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(
                database.writer,
                $"""
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = NORMAL;
                PRAGMA busy_timeout = {database.busyTimeoutMs};
                PRAGMA foreign_keys = ON;
                PRAGMA cache_size = -{WriterCacheKibibytes};
                """,
                cancellationToken).ConfigureAwait(false);
            return database;
        }
        catch
        {
            await database.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override async Task<DbConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var connection = new SqliteConnection(readerConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, $"PRAGMA busy_timeout = {busyTimeoutMs}; PRAGMA query_only = 1;", cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override async Task<WriteSession> BeginWriteAsync(CancellationToken cancellationToken)
    {
        await writerLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);

            // BEGIN IMMEDIATE: the write lock is taken now, not at the first write, so a transaction that
            // reads before it writes cannot fail half-way because another process started writing.
            var transaction = await writer.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            return new WriteSession(writer, transaction, writerStatements, ReleaseWriter);
        }
        catch
        {
            writerLock.Release();
            throw;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        // Wait for the session in flight, if any, so its transaction ends before the connection closes.
        await writerLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        disposed = true;
        writerStatements.Dispose();
        await writer.DisposeAsync().ConfigureAwait(false);
        using (var pooled = new SqliteConnection(readerConnectionString))
        {
            SqliteConnection.ClearPool(pooled);
        }

        writerLock.Release();
    }

    private ValueTask ReleaseWriter()
    {
        writerLock.Release();
        return ValueTask.CompletedTask;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
