using AssetBridge.Core.Errors;
using Dapper;

namespace AssetBridge.Storage.Relational.Migrations;

/// <summary>
/// Applies a dialect's migrations that the database has not seen yet, each in its own transaction
/// together with its schema_version row, so a crash leaves either the whole step or none of it.
/// Safe on every open: versions already recorded are skipped.
/// </summary>
internal sealed class MigrationRunner
{
    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version    INTEGER NOT NULL PRIMARY KEY,
            name       TEXT    NOT NULL,
            applied_at BIGINT  NOT NULL
        )
        """;

    private readonly RelationalDatabase database;
    private readonly IReadOnlyList<Migration> migrations;

    public MigrationRunner(RelationalDatabase database, IReadOnlyList<Migration> migrations)
    {
        this.database = database;
        this.migrations = migrations.OrderBy(m => m.Version).ToList();
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using (var session = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false))
        {
            await session.Connection.ExecuteAsync(Command(session, CreateVersionTable, null, cancellationToken)).ConfigureAwait(false);
            var newest = await session.Connection.ExecuteScalarAsync<long?>(
                Command(session, "SELECT MAX(version) FROM schema_version", null, cancellationToken)).ConfigureAwait(false) ?? 0;
            var known = migrations.Count == 0 ? 0 : migrations[^1].Version;
            if (newest > known)
            {
                throw new AssetBridgeException(
                    ErrorKind.Configuration,
                    $"The database has schema version {newest}, newer than the {known} this AssetBridge knows; upgrade AssetBridge or point it at another data directory.");
            }

            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var migration in migrations)
        {
            // Each step checks its version inside its own write transaction, so two processes opening
            // the same database at once apply every step exactly once.
            await using var session = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            var applied = await session.Connection.ExecuteScalarAsync<long?>(Command(
                session, "SELECT version FROM schema_version WHERE version = @version", new { version = (long)migration.Version }, cancellationToken)).ConfigureAwait(false);
            if (applied is not null)
            {
                continue;
            }

            await session.Connection.ExecuteAsync(Command(session, migration.Sql, null, cancellationToken)).ConfigureAwait(false);
            await session.Connection.ExecuteAsync(Command(
                session,
                "INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @appliedAt)",
                new { version = (long)migration.Version, name = migration.Name, appliedAt = database.NowMilliseconds },
                cancellationToken)).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static CommandDefinition Command(WriteSession session, string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, session.Transaction, cancellationToken: cancellationToken);
}
