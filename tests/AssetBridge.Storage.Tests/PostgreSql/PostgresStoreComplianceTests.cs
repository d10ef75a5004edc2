using System.Data.Common;
using AssetBridge.Core.Storage;
using AssetBridge.Storage.PostgreSql;
using AssetBridge.Storage.Relational.Migrations;
using AssetBridge.Storage.Tests.Compliance;
using Npgsql;

namespace AssetBridge.Storage.Tests.PostgreSql;

/// <summary>The store compliance suite on a fresh PostgreSQL database per test.</summary>
[RequiresPostgres]
public sealed class PostgresStoreComplianceTests : StoreCompliance
{
    private string? connectionString;

    protected override async Task<IStore> CreateStoreAsync(ManualClock clock)
    {
        connectionString = await PostgresServer.CreateDatabaseAsync();
        return await PostgresStore.OpenAsync(connectionString, clock);
    }

    protected override async Task<IStore> ReopenStoreAsync(ManualClock clock) =>
        await PostgresStore.OpenAsync(connectionString!, clock);

    protected override async Task<DbConnection> RecreateAtSchemaVersionAsync(int version)
    {
        await DeleteDatabaseAsync();
        connectionString = await PostgresServer.CreateDatabaseAsync();
        await using (var database = new PostgresDatabase(NpgsqlDataSource.Create(connectionString), TimeProvider.System))
        {
            await new MigrationRunner(database, PostgresMigrations.All.Where(m => m.Version <= version).ToList()).RunAsync(CancellationToken.None);
        }

        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    protected override async Task DeleteDatabaseAsync()
    {
        if (connectionString is not null)
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }
}
