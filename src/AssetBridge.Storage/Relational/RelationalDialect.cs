using System.Data.Common;

namespace AssetBridge.Storage.Relational;

/// <summary>
/// What differs between databases once the SQL text is shared: constraint errors and the lock clause
/// of the claim. DDL differences live in each dialect's own migration files.
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
}
