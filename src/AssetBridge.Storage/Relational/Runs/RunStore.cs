using System.Data.Common;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Runs;
using Dapper;

namespace AssetBridge.Storage.Relational.Runs;

internal sealed class RunStore(RelationalDatabase database) : IRunStore
{
    public async Task<SyncRun> CreateAsync(long connectorId, SyncMode mode, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var started = UnixTime.ToMilliseconds(startedAt);
        await using var session = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var name = await session.Connection.ExecuteScalarAsync<string?>(Command(
            session, "SELECT name FROM connectors WHERE id = @connectorId", new { connectorId }, cancellationToken)).ConfigureAwait(false)
            ?? throw new AssetBridgeException(ErrorKind.NotFound, $"Connector {connectorId} does not exist; list connectors to find the one to sync.");

        // One Running run per connector: checked here for the sentence, and guarded by a partial unique
        // index for stores whose writers are not serialised.
        var running = await session.Connection.ExecuteScalarAsync<long?>(Command(
            session, "SELECT id FROM runs WHERE connector_id = @connectorId AND state = @running", new { connectorId, running = RunNames.Running }, cancellationToken)).ConfigureAwait(false);
        if (running is { } runningId)
        {
            throw AlreadyRunning(name, runningId, null);
        }

        long id;
        try
        {
            id = await session.Connection.ExecuteScalarAsync<long>(Command(
                session,
                """
                INSERT INTO runs (connector_id, mode, state, started_at, finished_at, devices, network_adapters,
                                  business_applications, relationships, marked_deleted, hidden, error)
                VALUES (@connectorId, @mode, @running, @started, NULL, 0, 0, 0, 0, 0, 0, NULL)
                RETURNING id
                """,
                new { connectorId, mode = RunNames.Of(mode), running = RunNames.Running, started },
                cancellationToken)).ConfigureAwait(false);
        }
        catch (DbException e) when (database.Dialect.IsUniqueViolation(e))
        {
            throw AlreadyRunning(name, null, e);
        }

        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new SyncRun(id, connectorId, name, mode, RunState.Running, UnixTime.FromMilliseconds(started), null, RunCounts.Zero, null);
    }

    public async Task<SyncRun?> GetAsync(long runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<RunRow>(new CommandDefinition(
            RunRow.SelectColumns + " WHERE r.id = @runId", new { runId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToRun();
    }

    public async Task<IReadOnlyList<SyncRun>> ListAsync(long? connectorId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var filter = connectorId is null ? string.Empty : " WHERE r.connector_id = @connectorId";
        var rows = await connection.QueryAsync<RunRow>(new CommandDefinition(
            RunRow.SelectColumns + filter + " ORDER BY r.id DESC LIMIT @limit",
            new { connectorId, limit = (long)limit },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToRun()).ToList();
    }

    public async Task<bool> FinishAsync(long runId, RunState state, RunCounts counts, string? error, DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (state == RunState.Running)
        {
            throw new ArgumentException("A run can only be finished as Completed or Failed.", nameof(state));
        }

        await using var session = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);

        // Checkpoint: the run ends once. Only a row still 'running' moves, so of two finishers racing
        // (the last job's ingester and a timeout sweeper) exactly one sees true and applies deletions.
        var changed = await session.Connection.ExecuteAsync(Command(
            session,
            """
            UPDATE runs
            SET state = @state, finished_at = @finished, devices = @Devices, network_adapters = @NetworkAdapters,
                business_applications = @BusinessApplications, relationships = @Relationships,
                vm_instances = @VmInstances, cloud_vms = @CloudVms,
                marked_deleted = @MarkedDeleted, hidden = @Hidden, error = @error
            WHERE id = @runId AND state = @running
            """,
            new
            {
                runId,
                state = RunNames.Of(state),
                running = RunNames.Running,
                finished = UnixTime.ToMilliseconds(finishedAt),
                counts.Devices,
                counts.NetworkAdapters,
                counts.BusinessApplications,
                counts.Relationships,
                counts.VmInstances,
                counts.CloudVms,
                counts.MarkedDeleted,
                counts.Hidden,
                error,
            },
            cancellationToken)).ConfigureAwait(false);
        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed == 1;
    }

    private static AssetBridgeException AlreadyRunning(string connectorName, long? runId, Exception? inner)
    {
        var run = runId is null ? string.Empty : $" (run {runId})";
        return new AssetBridgeException(
            ErrorKind.Conflict,
            $"A sync of connector '{connectorName}' is already running{run}; wait for it to finish or cancel it before starting another.",
            inner);
    }

    private static CommandDefinition Command(WriteSession session, string sql, object parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, session.Transaction, cancellationToken: cancellationToken);
}
