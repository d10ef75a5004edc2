using System.Data.Common;
using AssetBridge.Storage.Relational;
using Npgsql;

namespace AssetBridge.Storage.PostgreSql;

internal sealed class PostgresDialect : RelationalDialect
{
    public static readonly PostgresDialect Instance = new();

    /// <summary>
    /// Replicas claim at once: a claimer passes over a job another transaction has locked instead of
    /// waiting for it (and then finding it taken), so claims never queue behind each other.
    /// </summary>
    public override string ClaimLockClause => "FOR UPDATE SKIP LOCKED";

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override bool IsForeignKeyViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation };

    public override UpsertStatement PrepareUpsert(DbConnection connection, string sql, IReadOnlyList<string> parameterNames) =>
        new PostgresUpsertStatement((NpgsqlConnection)connection, sql, parameterNames);
}
