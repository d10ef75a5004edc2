using AssetBridge.Core.Errors;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Runs;
using AssetBridge.Core.Storage;
using AssetBridge.Storage.Relational.Access;
using AssetBridge.Storage.Relational.Agents;
using AssetBridge.Storage.Relational.Connectors;
using AssetBridge.Storage.Relational.Credentials;
using AssetBridge.Storage.Relational.Inventory;
using AssetBridge.Storage.Relational.Jobs;
using AssetBridge.Storage.Relational.Migrations;
using AssetBridge.Storage.Relational.Runs;
using Microsoft.Data.Sqlite;

namespace AssetBridge.Storage.Sqlite;

/// <summary>
/// The embedded store: connectors, credential rows, runs, the job queue and the inventory in one SQLite
/// file (WAL mode). Safe to share across threads; writes are serialised, reads run side by side.
/// </summary>
public sealed class SqliteStore : IStore
{
    private readonly SqliteDatabase database;
    private readonly MigrationRunner migrations;
    private readonly InventoryStore inventory;

    private SqliteStore(SqliteDatabase database, SqliteStoreOptions options)
    {
        this.database = database;
        migrations = new MigrationRunner(database, SqliteMigrations.All);
        Connectors = new ConnectorStore(database);
        Credentials = new CredentialRowStore(database);
        Runs = new RunStore(database);
        Jobs = new JobQueue(database, options.JobQueue);
        inventory = new InventoryStore(database);
        Agents = new AgentStore(database);
        Tokens = new TokenStore(database);
    }

    public Core.Agents.IAgentStore Agents { get; }

    public Core.Access.ITokenStore Tokens { get; }

    public IConnectorStore Connectors { get; }

    public ICredentialStore Credentials { get; }

    public IRunStore Runs { get; }

    public IJobQueue Jobs { get; }

    public IInventoryStore Inventory => inventory;

    /// <summary>
    /// Opens the database file, creating it (and its directory) when missing, and applies pending
    /// migrations. <paramref name="time"/> is the store's only clock.
    /// </summary>
    public static async Task<SqliteStore> OpenAsync(string databasePath, TimeProvider time, SqliteStoreOptions? options = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentNullException.ThrowIfNull(time);
        options ??= new SqliteStoreOptions();
        options.Validate();

        var path = Path.GetFullPath(databasePath);
        SqliteDatabase? database = null;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            database = await SqliteDatabase.OpenAsync(path, time, options.BusyTimeout, ct).ConfigureAwait(false);
            var store = new SqliteStore(database, options);
            await store.MigrateAsync(ct).ConfigureAwait(false);
            return store;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            if (database is not null)
            {
                await database.DisposeAsync().ConfigureAwait(false);
            }

            throw new AssetBridgeException(
                ErrorKind.Configuration,
                $"The database '{path}' could not be opened ({e.Message}); check that the path is an AssetBridge database and that this user may write to its directory.",
                e);
        }
        catch
        {
            if (database is not null)
            {
                await database.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    public Task MigrateAsync(CancellationToken cancellationToken) => migrations.RunAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await inventory.DisposeAsync().ConfigureAwait(false);
        await database.DisposeAsync().ConfigureAwait(false);
    }
}
