using Npgsql;

namespace AssetBridge.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the end-to-end tests use: the one <see cref="ConnectionVariable"/> names (an Npgsql
/// connection string of a role that may create databases). Each test gets a database of its own on it.
/// Without it the tests skip, saying why — unless <see cref="RequireVariable"/> is 1 (CI), when they fail.
/// </summary>
public static class TestPostgres
{
    public const string ConnectionVariable = "ASSETBRIDGE_TEST_POSTGRES";
    public const string RequireVariable = "ASSETBRIDGE_REQUIRE_POSTGRES";

    /// <summary>Why the PostgreSQL tests are skipped, or null when they run; decided at discovery.</summary>
    public static string? SkipReason { get; } =
        Environment.GetEnvironmentVariable(RequireVariable) == "1" || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ConnectionVariable))
            ? null
            : $"PostgreSQL is not available: set {ConnectionVariable} to a connection string (.ci/run shows how to start a throwaway server).";

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = Admin();
        var name = "assetbridge_e2e_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(admin, $"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database <see cref="CreateDatabaseAsync"/> made, closing whatever still uses it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(Admin(), $"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(connectionString).Database} WITH (FORCE)");
    }

    private static string Admin() =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } admin
            ? admin
            : throw new InvalidOperationException($"PostgreSQL is required ({RequireVariable}=1) but {ConnectionVariable} is not set; set it to a connection string of a server where databases may be created.");

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A fact that needs PostgreSQL: skipped, with the reason, when <see cref="TestPostgres"/> has none.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
