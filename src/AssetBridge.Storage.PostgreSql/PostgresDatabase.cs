using System.Data.Common;
using AssetBridge.Storage.Relational;
using Npgsql;

namespace AssetBridge.Storage.PostgreSql;

/// <summary>
/// A PostgreSQL database through one <see cref="NpgsqlDataSource"/> (its connection pool). Unlike
/// SQLite, writers are not serialised here: every write session is its own pooled connection and
/// transaction, and row locks (the claim's SKIP LOCKED, compare-and-set updates) keep concurrent
/// writers, in this process and in other replicas, correct.
/// </summary>
internal sealed class PostgresDatabase(NpgsqlDataSource dataSource, TimeProvider time) : RelationalDatabase(PostgresDialect.Instance, time)
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public override async Task<DbConnection> OpenReaderAsync(CancellationToken cancellationToken) =>
        await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async Task<WriteSession> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

            // Statements are kept per session: Npgsql keeps explicitly prepared statements on the physical
            // connection, so preparing the same SQL again on a pooled connection costs no round trip.
            var statements = new PreparedStatements();
            return new WriteSession(connection, transaction, statements, async () =>
            {
                statements.Dispose();
                await connection.DisposeAsync().ConfigureAwait(false);
            });
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
