using AssetBridge.Core.Errors;
using AssetBridge.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace AssetBridge.Storage.Tests.Sqlite;

/// <summary>What only the SQLite store does: its file, its pragmas, its migrations, its options.</summary>
public sealed class SqliteStoreTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly ManualClock clock = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private string DatabasePath => Path.Combine(directory.Path, "data", "assetbridge.db");

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Open_CreatesTheFileAndItsDirectory_InWalMode()
    {
        await using (await SqliteStore.OpenAsync(DatabasePath, clock))
        {
            Assert.True(File.Exists(DatabasePath));
            Assert.Equal("wal", await ScalarAsync<string>("PRAGMA journal_mode"));
        }
    }

    [Fact]
    public async Task Reopen_AppliesNoMigrationAgain()
    {
        await using (await SqliteStore.OpenAsync(DatabasePath, clock))
        {
        }

        var first = await SchemaVersionsAsync();
        clock.Advance(TimeSpan.FromDays(1));
        await using (var store = await SqliteStore.OpenAsync(DatabasePath, clock))
        {
            await store.MigrateAsync(CancellationToken.None);
        }

        Assert.NotEmpty(first);
        Assert.Equal(1, first[0].Version);
        Assert.Equal(first, await SchemaVersionsAsync());
    }

    [Fact]
    public async Task Open_OfANewerSchema_FailsWithASentence()
    {
        await using (await SqliteStore.OpenAsync(DatabasePath, clock))
        {
        }

        await ExecuteAsync("INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future', 0)");

        var error = await Assert.ThrowsAsync<AssetBridgeException>(() => SqliteStore.OpenAsync(DatabasePath, clock));
        Assert.Equal(ErrorKind.Configuration, error.Kind);
        Assert.Contains("999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_OfAFileThatIsNotADatabase_FailsWithASentence()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        await File.WriteAllTextAsync(DatabasePath, new string('x', 8192));

        var error = await Assert.ThrowsAsync<AssetBridgeException>(() => SqliteStore.OpenAsync(DatabasePath, clock));

        Assert.Equal(ErrorKind.Configuration, error.Kind);
        Assert.Contains(DatabasePath, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(5, 0)]
    public async Task Open_WithInvalidOptions_FailsWithASentence(int maxAttempts, int busyTimeoutMs)
    {
        var options = new SqliteStoreOptions { MaxAttempts = maxAttempts, BusyTimeout = TimeSpan.FromMilliseconds(busyTimeoutMs) };

        var error = await Assert.ThrowsAsync<AssetBridgeException>(() => SqliteStore.OpenAsync(DatabasePath, clock, options));

        Assert.Equal(ErrorKind.Configuration, error.Kind);
        Assert.False(File.Exists(DatabasePath));
    }

    [Fact]
    public void Options_HaveTheirDocumentedDefaults()
    {
        var options = new SqliteStoreOptions();

        Assert.Equal(5, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(30), options.BusyTimeout);
    }

    private async Task<List<(long Version, string Name, long AppliedAt)>> SchemaVersionsAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, name, applied_at FROM schema_version ORDER BY version";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(long, string, long)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return rows;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }
}
