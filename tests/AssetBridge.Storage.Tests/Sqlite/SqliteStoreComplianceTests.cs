using AssetBridge.Core.Storage;
using AssetBridge.Storage.Sqlite;
using AssetBridge.Storage.Tests.Compliance;

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

    protected override Task DeleteDatabaseAsync()
    {
        directory.Dispose();
        return Task.CompletedTask;
    }
}
