using AssetBridge.Core.Errors;
using AssetBridge.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace AssetBridge.Storage.Sqlite;

/// <summary>
/// The embedded store: connectors, credential rows, runs, the job queue and the inventory in one SQLite
/// file (WAL mode). Safe to share across threads; writes are serialised, reads run side by side.
/// </summary>
public sealed class SqliteStore : RelationalStore
{
    private SqliteStore(SqliteDatabase database, SqliteStoreOptions options)
        : base(database, SqliteMigrations.All, options.JobQueue)
    {
    }

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
}
