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

    public WriteSession(DbConnection connection, DbTransaction transaction, PreparedCommands commands, Func<ValueTask> release)
    {
        Connection = connection;
        Transaction = transaction;
        Commands = commands;
        this.release = release;
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    private PreparedCommands Commands { get; }

    /// <summary>A command prepared once per connection and reused, bound to this session's transaction.</summary>
    public DbCommand Prepared(string key, Func<DbConnection, DbCommand> create)
    {
        var command = Commands.Get(key, Connection, create);
        command.Transaction = Transaction;
        return command;
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
                await Transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }

            await Transaction.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            await release().ConfigureAwait(false);
        }
    }
}
