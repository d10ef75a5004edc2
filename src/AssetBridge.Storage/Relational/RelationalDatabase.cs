using System.Data.Common;
using Dapper;

namespace AssetBridge.Storage.Relational;

/// <summary>
/// Hands out connections: readers that may run side by side, and one write session at a time per
/// database where the dialect needs it (SQLite), each write session being one transaction.
/// </summary>
internal abstract class RelationalDatabase : IAsyncDisposable
{
    protected RelationalDatabase(RelationalDialect dialect, TimeProvider time)
    {
        Dialect = dialect;
        Time = time;
    }

    public RelationalDialect Dialect { get; }

    /// <summary>The only clock of the store: the database clock is never used, so tests can move time.</summary>
    public TimeProvider Time { get; }

    public long NowMilliseconds => Time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>An open connection for reading; the caller disposes it.</summary>
    public abstract Task<DbConnection> OpenReaderAsync(CancellationToken cancellationToken);

    /// <summary>Starts a write transaction; disposing the session without committing rolls it back.</summary>
    public abstract Task<WriteSession> BeginWriteAsync(CancellationToken cancellationToken);

    /// <summary>Runs one statement in its own write transaction and returns the rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var session = await BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var changed = await session.Connection.ExecuteAsync(new CommandDefinition(sql, parameters, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }

    public abstract ValueTask DisposeAsync();
}
