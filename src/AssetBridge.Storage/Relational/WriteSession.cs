using System.Data.Common;

namespace AssetBridge.Storage.Relational;

/// <summary>
/// One write transaction on a connection, with that connection's prepared statements. Disposal rolls
/// back anything not committed and hands the connection back (for SQLite: releases the writer lock).
/// </summary>
internal sealed class WriteSession : IAsyncDisposable
{
    private readonly Func<ValueTask> release;
    private bool committed;

    public WriteSession(DbConnection connection, DbTransaction transaction, PreparedStatements statements, Func<ValueTask> release)
    {
        Connection = connection;
        Transaction = transaction;
        Statements = statements;
        this.release = release;
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    private PreparedStatements Statements { get; }

    /// <summary>A command prepared once per connection and reused, bound to this session's transaction.</summary>
    public DbCommand Prepared(string key, Func<DbConnection, DbCommand> create)
    {
        var command = Statements.Get(key, Connection, c =>
        {
            var created = create(c);
            created.Prepare();
            return created;
        });
        command.Transaction = Transaction;
        return command;
    }

    /// <summary>An upsert statement prepared once per connection by the dialect, bound to this session's transaction.</summary>
    public UpsertStatement Upsert(string key, Func<DbConnection, UpsertStatement> prepare)
    {
        var statement = Statements.Get(key, Connection, prepare);
        statement.Enlist(Transaction);
        return statement;
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await Transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!committed)
            {
                try
                {
                    await Transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                }
                catch (DbException)
                {
                    // The database already ended the transaction itself (SQLite does on some errors, e.g. a
                    // full disk during COMMIT); the exception that got us here is the one worth seeing.
                }
            }

            await Transaction.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            await release().ConfigureAwait(false);
        }
    }
}
