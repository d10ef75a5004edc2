using System.Data.Common;

namespace AssetBridge.Storage.Relational;

/// <summary>
/// The ingestion hot path's statement: one upsert, prepared once per writer connection, executed once
/// per record. Values are bound by position in the parameter list it was prepared with, and stay bound
/// until replaced, so the chunk's key values are bound once per chunk.
/// </summary>
internal abstract class UpsertStatement : IDisposable
{
    /// <summary>Runs the next executions inside <paramref name="transaction"/>.</summary>
    public abstract void Enlist(DbTransaction transaction);

    /// <summary>Binds a value (string, bool, long or null) to the parameter at <paramref name="ordinal"/>.</summary>
    public abstract void Bind(int ordinal, object? value);

    public abstract ValueTask ExecuteAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sends executions the statement held back, if any: a dialect may batch a chunk's records into one
    /// round trip. Called once per chunk, inside the chunk's transaction, before its outcome is decided.
    /// </summary>
    public virtual ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public abstract void Dispose();
}

/// <summary>The portable upsert statement: a prepared <see cref="DbCommand"/>.</summary>
internal sealed class CommandUpsertStatement : UpsertStatement
{
    private readonly DbCommand command;

    public CommandUpsertStatement(DbConnection connection, string sql, IReadOnlyList<string> parameterNames)
    {
        command = CommandBuilder.Create(connection, sql, [.. parameterNames]);
        command.Prepare();
    }

    public override void Enlist(DbTransaction transaction) => command.Transaction = transaction;

    public override void Bind(int ordinal, object? value) => command.Set(ordinal, value);

    public override async ValueTask ExecuteAsync(CancellationToken cancellationToken) =>
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

    public override void Dispose() => command.Dispose();
}
