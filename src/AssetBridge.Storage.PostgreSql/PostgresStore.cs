namespace AssetBridge.Storage.PostgreSql;

/// <summary>The PostgreSQL store: the same contracts and compliance suite as SQLite, for several server replicas.</summary>
public sealed class PostgresStore
{
    private PostgresStore()
    {
    }
}
