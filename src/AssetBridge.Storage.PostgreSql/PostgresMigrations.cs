using AssetBridge.Storage.Relational.Migrations;

namespace AssetBridge.Storage.PostgreSql;

/// <summary>The PostgreSQL schema steps: <c>Migrations/NNN_name.sql</c>, embedded in this assembly.</summary>
internal static class PostgresMigrations
{
    public static IReadOnlyList<Migration> All { get; } = EmbeddedMigrations.Load(typeof(PostgresMigrations).Assembly);
}
