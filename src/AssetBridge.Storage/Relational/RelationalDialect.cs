using System.Data.Common;

namespace AssetBridge.Storage.Relational;

/// <summary>
/// What differs between databases once the SQL text is shared: constraint errors, the lock clause of
/// the claim, and how the ingestion upsert is executed. DDL differences live in each dialect's own
/// migration files.
/// </summary>
internal abstract class RelationalDialect
{
    /// <summary>
    /// Appended to the claim's sub-select: empty where writers are serialised (SQLite), <c>FOR UPDATE SKIP
    /// LOCKED</c> where concurrent claimers must pass over rows another transaction is claiming.
    /// </summary>
    public abstract string ClaimLockClause { get; }

    /// <summary>Whether the error is a UNIQUE or PRIMARY KEY violation.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>Whether the error is a FOREIGN KEY violation.</summary>
    public abstract bool IsForeignKeyViolation(DbException exception);

    /// <summary>
    /// Prepares the ingestion upsert on a writer connection. The portable statement is a prepared
    /// command; a dialect overrides this where its driver has a cheaper way to execute one statement
    /// many times.
    /// </summary>
    public virtual UpsertStatement PrepareUpsert(DbConnection connection, string sql, IReadOnlyList<string> parameterNames) =>
        new CommandUpsertStatement(connection, sql, parameterNames);
}
