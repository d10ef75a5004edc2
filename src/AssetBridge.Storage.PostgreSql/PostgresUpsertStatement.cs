using System.Data.Common;
using System.Text.RegularExpressions;
using AssetBridge.Storage.Relational;
using Npgsql;

namespace AssetBridge.Storage.PostgreSql;

/// <summary>
/// The ingestion upsert on PostgreSQL: each record's execution is held back as one command of an
/// <see cref="NpgsqlBatch"/>, and <see cref="FlushAsync"/> sends the chunk's records in one round trip.
/// One statement per record, not one multi-row INSERT, so a chunk that repeats a sys_id upserts it
/// twice (last wins, as on SQLite) instead of failing with "cannot affect row a second time".
/// </summary>
internal sealed partial class PostgresUpsertStatement : UpsertStatement
{
    private readonly NpgsqlConnection connection;
    private readonly string positionalSql;
    private readonly object?[] values;
    private NpgsqlBatch batch;
    private NpgsqlTransaction? transaction;

    public PostgresUpsertStatement(NpgsqlConnection connection, string sql, IReadOnlyList<string> parameterNames)
    {
        this.connection = connection;
        values = new object?[parameterNames.Count];

        // Positional parameters ($1...) spare Npgsql from rewriting named ones for every record.
        var ordinals = parameterNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        positionalSql = ParameterName().Replace(sql, m => ordinals.TryGetValue(m.Groups[1].Value, out var i)
            ? "$" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"The upsert names @{m.Groups[1].Value}, which is not among its parameters."));
        batch = new NpgsqlBatch(connection);
    }

    /// <summary>A new chunk (or a new transaction): anything held back from a chunk that failed half-way is dropped.</summary>
    public override void Enlist(DbTransaction transaction)
    {
        this.transaction = (NpgsqlTransaction)transaction;
        if (batch.BatchCommands.Count > 0)
        {
            batch.Dispose();
            batch = new NpgsqlBatch(connection);
        }
    }

    public override void Bind(int ordinal, object? value) => values[ordinal] = value;

    public override ValueTask ExecuteAsync(CancellationToken cancellationToken)
    {
        var command = new NpgsqlBatchCommand(positionalSql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        batch.BatchCommands.Add(command);
        return ValueTask.CompletedTask;
    }

    public override async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (batch.BatchCommands.Count == 0)
        {
            return;
        }

        var pending = batch;
        batch = new NpgsqlBatch(connection);
        await using (pending.ConfigureAwait(false))
        {
            pending.Transaction = transaction;
            await pending.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public override void Dispose() => batch.Dispose();

    [GeneratedRegex("@([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ParameterName();
}
