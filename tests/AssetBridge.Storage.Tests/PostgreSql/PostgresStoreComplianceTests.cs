using AssetBridge.Core.Storage;
using AssetBridge.Storage.PostgreSql;
using AssetBridge.Storage.Tests.Compliance;

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

    protected override async Task DeleteDatabaseAsync()
    {
        if (connectionString is not null)
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }
}
