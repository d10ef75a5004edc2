using System.Data.Common;
using AssetBridge.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace AssetBridge.Storage.Sqlite;

internal sealed class SqliteDialect : RelationalDialect
{
    private const int ConstraintPrimaryKey = 1555;
    private const int ConstraintUnique = 2067;
    private const int ConstraintForeignKey = 787;

    public static readonly SqliteDialect Instance = new();

    /// <summary>Writers are serialised in the process and by SQLite's own write lock: no row locks exist or are needed.</summary>
    public override string ClaimLockClause => string.Empty;

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: ConstraintUnique or ConstraintPrimaryKey };

    public override bool IsForeignKeyViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: ConstraintForeignKey };

    public override UpsertStatement PrepareUpsert(DbConnection connection, string sql, IReadOnlyList<string> parameterNames) =>
        SqliteUpsertStatement.Prepare((SqliteConnection)connection, sql, parameterNames);
}
