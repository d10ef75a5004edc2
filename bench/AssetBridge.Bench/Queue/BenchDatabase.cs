using AssetBridge.Core.Storage;
using AssetBridge.Storage.PostgreSql;
using AssetBridge.Storage.Sqlite;
using Npgsql;

namespace AssetBridge.Bench.Queue;

/// <summary>
/// A fresh, empty database for one benchmark case, so cases never see each other's rows: a new SQLite
/// file in a temp directory, or a new database (<c>CREATE DATABASE bench_…</c>) on the PostgreSQL server
/// named by <see cref="PostgresVariable"/>. Disposing removes it.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "ASSETBRIDGE_TEST_POSTGRES";

    private readonly string? _directory;
    private readonly string? _postgresAdmin;
    private readonly string? _postgres;

    private BenchDatabase(string kind, string storeSpec, string? directory, string? postgresAdmin, string? postgres, int? postmaster = null)
    {
        Postmaster = postmaster;
        Kind = kind;
        StoreSpec = storeSpec;
        _directory = directory;
        _postgresAdmin = postgresAdmin;
        _postgres = postgres;
    }

    /// <summary>sqlite or postgres.</summary>
    public string Kind { get; }

    /// <summary>The value <c>assetbridge server --store</c> takes for this database.</summary>
    public string StoreSpec { get; }

    /// <summary>The PostgreSQL postmaster's process id when that server runs on this machine (to meter its CPU), else null.</summary>
    public int? Postmaster { get; }

    /// <summary>A scratch directory of this case (server data directory, agents' data directories).</summary>
    public string ScratchDirectory => _directory!;

    public static async Task<BenchDatabase> CreateAsync(string kind)
    {
        var directory = Path.Combine(Path.GetTempPath(), "assetbridge-queue-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        switch (kind)
        {
            case "sqlite":
                return new BenchDatabase(kind, "sqlite:" + Path.Combine(directory, "queue.db"), directory, null, null);
            case "postgres":
                var admin = Environment.GetEnvironmentVariable(PostgresVariable);
                if (string.IsNullOrWhiteSpace(admin))
                {
                    throw new InvalidOperationException(
                        $"--stores postgres needs {PostgresVariable} set to an Npgsql connection string of a server where databases may be created; docs/benchmarks.md shows how to start a throwaway one.");
                }

                var name = "bench_" + Guid.NewGuid().ToString("N");
                var backend = await ExecuteAsync(admin, $"CREATE DATABASE {name}").ConfigureAwait(false);
                var connection = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 100 }.ConnectionString;
                return new BenchDatabase(kind, "postgres:" + connection, directory, admin, connection, backend);
            default:
                throw new ArgumentException($"--stores takes sqlite and postgres, not '{kind}'.");
        }
    }

    /// <summary>Opens the store directly (the store-level measurement; the server opens its own).</summary>
    public async Task<IStore> OpenStoreAsync() => _postgres is { } connection
        ? await PostgresStore.OpenAsync(connection, TimeProvider.System).ConfigureAwait(false)
        : await SqliteStore.OpenAsync(StoreSpec["sqlite:".Length..], TimeProvider.System).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var name = new NpgsqlConnectionStringBuilder(_postgres).Database;
            await ExecuteAsync(_postgresAdmin!, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)").ConfigureAwait(false);
        }

        if (_directory is not null && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>Runs one statement on a connection of its own; returns the postmaster (read while the backend lives).</summary>
    private static async Task<int?> ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        return CpuMeter.PostmasterOf(connection.ProcessID);
    }
}
