using System.Data.Common;
using AssetBridge.Core.Storage;
using AssetBridge.Storage.Relational.Migrations;
using AssetBridge.Storage.Sqlite;
using AssetBridge.Storage.Tests.Compliance;
using Microsoft.Data.Sqlite;

namespace AssetBridge.Storage.Tests.Sqlite;

/// <summary>The store compliance suite on a fresh SQLite file per test.</summary>
public sealed class SqliteStoreComplianceTests : StoreCompliance
{
    private readonly TempDirectory directory = new();

    private string DatabasePath => Path.Combine(directory.Path, "assetbridge.db");

    protected override async Task<IStore> CreateStoreAsync(ManualClock clock) =>
        await SqliteStore.OpenAsync(DatabasePath, clock);

    protected override async Task<IStore> ReopenStoreAsync(ManualClock clock) =>
        await SqliteStore.OpenAsync(DatabasePath, clock);

    protected override async Task<DbConnection> RecreateAtSchemaVersionAsync(int version)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(directory.Path))
        {
            File.Delete(file);
        }

        await using (var database = await SqliteDatabase.OpenAsync(DatabasePath, TimeProvider.System, TimeSpan.FromSeconds(5), CancellationToken.None))
        {
            await new MigrationRunner(database, SqliteMigrations.All.Where(m => m.Version <= version).ToList()).RunAsync(CancellationToken.None);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    protected override Task DeleteDatabaseAsync()
    {
        directory.Dispose();
        return Task.CompletedTask;
    }
}
