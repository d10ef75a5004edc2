using System.Data.Common;
using System.Text;
using AssetBridge.Storage.Relational;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AssetBridge.Storage.Sqlite;

/// <summary>
/// The ingestion upsert as a raw SQLite statement: prepared once on the writer connection, parameters
/// bound by index (resolved once, at prepare time), stepped and reset per record. Through
/// <see cref="SqliteCommand"/> every execution looks each parameter up by name again and crosses into
/// native code about twice as often, which measured 2.5x slower for a device row.
/// </summary>
internal sealed class SqliteUpsertStatement : UpsertStatement
{
    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;
    private readonly int[] indexes;
    private byte[] utf8 = new byte[256];

    private SqliteUpsertStatement(sqlite3 database, sqlite3_stmt statement, int[] indexes)
    {
        this.database = database;
        this.statement = statement;
        this.indexes = indexes;
    }

    public static SqliteUpsertStatement Prepare(SqliteConnection connection, string sql, IReadOnlyList<string> parameterNames)
    {
        var database = connection.Handle ?? throw new InvalidOperationException("The writer connection is not open.");
        var rc = raw.sqlite3_prepare_v2(database, sql, out var prepared);
        if (rc != raw.SQLITE_OK || prepared is null)
        {
            prepared?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, database);
            throw new InvalidOperationException("The upsert statement is empty.");
        }

        var statement = prepared;
        var indexes = new int[parameterNames.Count];
        for (var i = 0; i < indexes.Length; i++)
        {
            indexes[i] = raw.sqlite3_bind_parameter_index(statement, "@" + parameterNames[i]);
            if (indexes[i] == 0)
            {
                statement.Dispose();
                throw new InvalidOperationException($"The upsert has no parameter @{parameterNames[i]}.");
            }
        }

        return new SqliteUpsertStatement(database, statement, indexes);
    }

    /// <summary>The writer connection's transaction is a BEGIN on the same handle; nothing to attach.</summary>
    public override void Enlist(DbTransaction transaction)
    {
    }

    public override void Bind(int ordinal, object? value)
    {
        var index = indexes[ordinal];
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(statement, index),
            string text => BindText(index, text),
            bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
            long number => raw.sqlite3_bind_int64(statement, index, number),
            int number => raw.sqlite3_bind_int64(statement, index, number),
            _ => throw new ArgumentException($"Cannot bind a {value.GetType().Name} to an inventory column.", nameof(value)),
        };
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, database);
        }
    }

    public override ValueTask ExecuteAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var rc = raw.sqlite3_step(statement);

        // Reset at once, success or not: a statement left mid-step would hold the transaction open.
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, database);
        }

        return ValueTask.CompletedTask;
    }

    public override void Dispose() => statement.Dispose();

    private int BindText(int index, string text)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (needed > utf8.Length)
        {
            utf8 = new byte[Math.Max(needed, utf8.Length * 2)];
        }

        // SQLite copies the bytes (SQLITE_TRANSIENT), so the buffer is free again when this returns.
        var length = Encoding.UTF8.GetBytes(text, utf8);
        return raw.sqlite3_bind_text(statement, index, new ReadOnlySpan<byte>(utf8, 0, length));
    }
}
