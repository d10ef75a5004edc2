using System.Data.Common;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Storage;
using Dapper;

namespace AssetBridge.Storage.Relational.Connectors;

internal sealed class ConnectorStore(RelationalDatabase database) : IConnectorStore
{
    // Children first: the foreign keys guard the order, and one transaction makes the removal all-or-nothing.
    private static readonly string[] RemoveStatements =
    [
        "DELETE FROM applied_chunks WHERE job_id IN (SELECT id FROM jobs WHERE connector_id = @id)",
        "DELETE FROM jobs WHERE connector_id = @id",
        "DELETE FROM runs WHERE connector_id = @id",
        "DELETE FROM watermarks WHERE connector_id = @id",
        "DELETE FROM devices WHERE connector_id = @id",
        "DELETE FROM network_adapters WHERE connector_id = @id",
        "DELETE FROM business_applications WHERE connector_id = @id",
        "DELETE FROM relationships WHERE connector_id = @id",
        "DELETE FROM vm_instances WHERE connector_id = @id",
        "DELETE FROM cloud_vms WHERE connector_id = @id",
    ];

    public async Task<Connector> AddAsync(NewConnector connector, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        await using var session = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        long id;
        try
        {
            id = await session.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO connectors (name, kind, target, credential_id, settings_json, created_at,
                                        every_seconds, next_run_at, pinned_agent, pinned_cluster, default_agent)
                VALUES (@Name, @Kind, @Target, @CredentialId, @SettingsJson, @createdAt,
                        @everySeconds, @nextRunAt, @pinnedAgent, @pinnedCluster, @defaultAgent)
                RETURNING id
                """,
                new
                {
                    connector.Name,
                    connector.Kind,
                    connector.Target,
                    connector.CredentialId,
                    connector.SettingsJson,
                    createdAt = UnixTime.ToMilliseconds(createdAt),
                    everySeconds = connector.Every is { } every ? (long)every.TotalSeconds : (long?)null,
                    nextRunAt = connector.Every is { } first ? UnixTime.ToMilliseconds(createdAt + first) : (long?)null,
                    pinnedAgent = connector.Placement.PinnedAgent,
                    pinnedCluster = connector.Placement.PinnedCluster,
                    defaultAgent = connector.Placement.DefaultAgent,
                },
                session.Transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        catch (DbException e) when (database.Dialect.IsUniqueViolation(e))
        {
            throw new AssetBridgeException(
                ErrorKind.Conflict,
                $"A connector named '{connector.Name}' already exists; choose another name or remove the existing connector first.",
                e);
        }
        catch (DbException e) when (database.Dialect.IsForeignKeyViolation(e))
        {
            throw new AssetBridgeException(
                ErrorKind.NotFound,
                $"Credential {connector.CredentialId} does not exist; add the credential first, then the connector '{connector.Name}'.",
                e);
        }

        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        return await GetAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Connector {id} vanished right after it was added.");
    }

    public async Task<IReadOnlyList<Connector>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<ConnectorRow>(new CommandDefinition(
            ConnectorRow.SelectColumns + " ORDER BY id", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToConnector()).ToList();
    }

    /// <summary>By name first, so a connector named "42" is still found by its name; then by id when the text is all digits.</summary>
    public async Task<Connector?> FindAsync(string nameOrId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nameOrId);
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var byName = await connection.QuerySingleOrDefaultAsync<ConnectorRow>(new CommandDefinition(
            ConnectorRow.SelectColumns + " WHERE name = @nameOrId", new { nameOrId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (byName is not null)
        {
            return byName.ToConnector();
        }

        if (nameOrId.Length == 0 || !nameOrId.All(char.IsAsciiDigit) || !long.TryParse(nameOrId, out var id))
        {
            return null;
        }

        return await GetAsync(connection, id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Connector?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        return await GetAsync(connection, id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> RemoveAsync(long id, CancellationToken cancellationToken)
    {
        await using var session = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        foreach (var statement in RemoveStatements)
        {
            await session.Connection.ExecuteAsync(new CommandDefinition(statement, new { id }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        var removed = await session.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM connectors WHERE id = @id", new { id }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        return removed > 0;
    }

    public async Task<bool> IsCredentialInUseAsync(long credentialId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var hit = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT 1 FROM connectors WHERE credential_id = @credentialId LIMIT 1", new { credentialId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return hit is not null;
    }

    public async Task<IReadOnlyDictionary<string, Watermark>> GetWatermarksAsync(long connectorId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Scope, string UpdatedOn, string SysId)>(new CommandDefinition(
            "SELECT scope, updated_on, sys_id FROM watermarks WHERE connector_id = @connectorId ORDER BY scope",
            new { connectorId },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Scope, r => new Watermark(r.UpdatedOn, r.SysId), StringComparer.Ordinal);
    }

    public async Task SetWatermarkAsync(long connectorId, string scope, Watermark watermark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(watermark);
        await using var session = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO watermarks (connector_id, scope, updated_on, sys_id)
            VALUES (@connectorId, @scope, @UpdatedOn, @SysId)
            ON CONFLICT (connector_id, scope) DO UPDATE SET updated_on = excluded.updated_on, sys_id = excluded.sys_id
            """,
            new { connectorId, scope, watermark.UpdatedOn, watermark.SysId },
            session.Transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> SetScheduleAsync(long id, TimeSpan? every, DateTimeOffset? nextRunAt, CancellationToken cancellationToken) =>
        ChangedAsync(
            "UPDATE connectors SET every_seconds = @everySeconds, next_run_at = @nextRunAt WHERE id = @id",
            new
            {
                id,
                everySeconds = every is { } e ? (long)e.TotalSeconds : (long?)null,
                nextRunAt = nextRunAt is { } n ? UnixTime.ToMilliseconds(n) : (long?)null,
            },
            cancellationToken);

    public Task<bool> SetPlacementAsync(long id, Core.Agents.AgentPlacement placement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placement);
        return ChangedAsync(
            "UPDATE connectors SET pinned_agent = @PinnedAgent, pinned_cluster = @PinnedCluster, default_agent = @DefaultAgent WHERE id = @id",
            new { id, placement.PinnedAgent, placement.PinnedCluster, placement.DefaultAgent },
            cancellationToken);
    }

    public async Task<IReadOnlyList<Connector>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<ConnectorRow>(new CommandDefinition(
            ConnectorRow.SelectColumns + " WHERE next_run_at IS NOT NULL AND next_run_at <= @now ORDER BY next_run_at, id",
            new { now = UnixTime.ToMilliseconds(now) },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToConnector()).ToList();
    }

    public Task<bool> AdvanceScheduleAsync(long id, DateTimeOffset expected, DateTimeOffset next, CancellationToken cancellationToken) =>
        ChangedAsync(
            "UPDATE connectors SET next_run_at = @next WHERE id = @id AND next_run_at = @expected",
            new { id, expected = UnixTime.ToMilliseconds(expected), next = UnixTime.ToMilliseconds(next) },
            cancellationToken);

    private static async Task<Connector?> GetAsync(DbConnection connection, long id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ConnectorRow>(new CommandDefinition(
            ConnectorRow.SelectColumns + " WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToConnector();
    }

    private async Task<bool> ChangedAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(sql, parameters, cancellationToken).ConfigureAwait(false) > 0;
}
