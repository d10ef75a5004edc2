using System.Net.Sockets;
using AssetBridge.Core.Errors;
using AssetBridge.Storage.Relational;
using Npgsql;

namespace AssetBridge.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL store: the same contracts and compliance suite as SQLite, for several server replicas
/// on one database. Safe to share across threads; writes run concurrently, each in its own transaction.
/// </summary>
public sealed class PostgresStore : RelationalStore
{
    /// <summary>The advisory lock key that serialises migrations between replicas starting at once ("ABmigrat").</summary>
    private const long MigrationLockKey = 0x41426D6967726174;

    private readonly PostgresDatabase database;

    private PostgresStore(PostgresDatabase database, PostgresStoreOptions options)
        : base(database, PostgresMigrations.All, options.JobQueue)
    {
        this.database = database;
    }

    /// <summary>
    /// Connects to the database named by <paramref name="connectionString"/> (an Npgsql connection
    /// string) and applies pending migrations. <paramref name="time"/> is the store's only clock.
    /// </summary>
    public static async Task<PostgresStore> OpenAsync(string connectionString, TimeProvider time, PostgresStoreOptions? options = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(time);
        options ??= new PostgresStoreOptions();
        options.Validate();

        var builder = ParseConnectionString(connectionString);
        var where = $"'{builder.Database ?? builder.Username ?? "(default)"}' on {builder.Host ?? "localhost"}:{builder.Port}";
        NpgsqlDataSource? dataSource = null;
        try
        {
            dataSource = new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
            var store = new PostgresStore(new PostgresDatabase(dataSource, time), options);
            await store.MigrateAsync(ct).ConfigureAwait(false);
            return store;
        }
        catch (Exception e) when (Classify(e, where) is { } error)
        {
            if (dataSource is not null)
            {
                await dataSource.DisposeAsync().ConfigureAwait(false);
            }

            throw error;
        }
        catch
        {
            if (dataSource is not null)
            {
                await dataSource.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>
    /// Applies pending migrations under a session-level advisory lock held on a connection of its own,
    /// so two replicas starting at once apply each step once, one after the other.
    /// </summary>
    public override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            command.Parameters.AddWithValue("key", MigrationLockKey);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await Migrations.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            unlock.Parameters.AddWithValue("key", MigrationLockKey);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static NpgsqlConnectionStringBuilder ParseConnectionString(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrEmpty(builder.ApplicationName))
            {
                builder.ApplicationName = "AssetBridge";
            }

            return builder;
        }
        catch (ArgumentException e)
        {
            // Npgsql names the keyword it rejects, never a value: the message cannot carry the password.
            throw new AssetBridgeException(
                ErrorKind.Configuration,
                $"The PostgreSQL connection string is not valid ({e.Message}); write it as 'Host=...;Port=5432;Database=...;Username=...;Password=...'.",
                e);
        }
    }

    /// <summary>The sentence for a failure to connect or migrate that the user can fix; null for anything else.</summary>
    private static AssetBridgeException? Classify(Exception e, string where) => e switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } p => new AssetBridgeException(
            ErrorKind.Configuration,
            $"PostgreSQL refused the login to database {where} ({p.MessageText}); check Username and Password in the connection string.",
            e),
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } => new AssetBridgeException(
            ErrorKind.Configuration,
            $"The PostgreSQL database {where} does not exist; create it (CREATE DATABASE) or fix Database in the connection string.",
            e),
        PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } p => new AssetBridgeException(
            ErrorKind.Configuration,
            $"The PostgreSQL user may not create AssetBridge's tables in database {where} ({p.MessageText}); grant it CREATE on the database's schema or connect as its owner.",
            e),
        NpgsqlException { InnerException: SocketException or TimeoutException or IOException } or TimeoutException => new AssetBridgeException(
            ErrorKind.Unreachable,
            $"PostgreSQL at {where} could not be reached ({e.InnerException?.Message ?? e.Message}); check that the server is running and that Host and Port in the connection string are right.",
            e),
        _ => null,
    };
}
