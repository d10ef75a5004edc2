using AssetBridge.Storage.Relational.Migrations;

namespace AssetBridge.Storage.Sqlite;

/// <summary>The SQLite schema steps: <c>Migrations/NNN_name.sql</c>, embedded in this assembly.</summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<Migration> All { get; } = EmbeddedMigrations.Load(typeof(SqliteMigrations).Assembly);
}
