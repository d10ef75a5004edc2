namespace AssetBridge.Storage.Tests.PostgreSql;

/// <summary>A fact of a PostgreSQL-only test class: skipped, with the reason, when no server is available.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
