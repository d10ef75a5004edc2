using System.Data.Common;
using AssetBridge.Core.Agents;
using AssetBridge.Core.Errors;
using Dapper;

namespace AssetBridge.Storage.Relational.Agents;

internal sealed class AgentStore(RelationalDatabase database) : IAgentStore
{
    public async Task<AgentRecord> RegisterAsync(NewAgent agent, DateTimeOffset enrolledAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        await using var session = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        long id;
        try
        {
            id = await session.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO agents (name, capabilities_json, ip_ranges_json, signing_key, sealing_key, key_version,
                                    approved, mode, embedded, enrolled_at, last_seen_at, host, version)
                VALUES (@Name, @capabilities, @ranges, @SigningKey, @SealingKey, 1,
                        @approved, 'active', @embedded, @enrolledAt, @enrolledAt, @Host, @Version)
                RETURNING id
                """,
                new
                {
                    agent.Name,
                    capabilities = AgentRow.Json(agent.Capabilities),
                    ranges = AgentRow.Json(agent.IpRanges.ToEntries()),
                    agent.SigningKey,
                    agent.SealingKey,
                    approved = agent.Approved ? 1L : 0L,
                    embedded = agent.Embedded ? 1L : 0L,
                    enrolledAt = UnixTime.ToMilliseconds(enrolledAt),
                    agent.Host,
                    agent.Version,
                },
                session.Transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        catch (DbException e) when (database.Dialect.IsUniqueViolation(e))
        {
            throw new AssetBridgeException(
                ErrorKind.Conflict,
                $"An agent named '{agent.Name}' is already enrolled; choose another --name, or remove the old agent first ('assetbridge agents remove {agent.Name}').",
                e);
        }

        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        return await GetAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Agent {id} vanished right after it was registered.");
    }

    public async Task<AgentRecord> UpsertEmbeddedAsync(string name, string? host, string? version, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await using (var session = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false))
        {
            await session.Connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO agents (name, capabilities_json, ip_ranges_json, signing_key, sealing_key, key_version,
                                    approved, mode, embedded, enrolled_at, last_seen_at, host, version)
                VALUES (@name, @capabilities, '[]', @empty, @empty, 1, 1, 'active', 1, @now, @now, @host, @version)
                ON CONFLICT (name) DO UPDATE SET last_seen_at = excluded.last_seen_at, host = excluded.host, version = excluded.version
                """,
                new { name, capabilities = AgentRow.Json([AgentRecord.AllCapability]), empty = Array.Empty<byte>(), now = UnixTime.ToMilliseconds(now), host, version },
                session.Transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return await FindByNameAsync(name, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Agent '{name}' vanished right after it was registered.");
    }

    public async Task<AgentRecord?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<AgentRow>(new CommandDefinition(
            AgentRow.SelectColumns + " WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToRecord();
    }

    /// <summary>By name first, then by id when the text is all digits.</summary>
    public async Task<AgentRecord?> FindAsync(string nameOrId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nameOrId);
        return await FindByNameAsync(nameOrId, cancellationToken).ConfigureAwait(false)
            ?? (nameOrId.Length > 0 && nameOrId.All(char.IsAsciiDigit) && long.TryParse(nameOrId, out var id)
                ? await GetAsync(id, cancellationToken).ConfigureAwait(false)
                : null);
    }

    public async Task<IReadOnlyList<AgentRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<AgentRow>(new CommandDefinition(
            AgentRow.SelectColumns + " ORDER BY name", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public Task<bool> SetApprovedAsync(long id, bool approved, CancellationToken cancellationToken) =>
        ChangedAsync("UPDATE agents SET approved = @approved WHERE id = @id", new { id, approved = approved ? 1L : 0L }, cancellationToken);

    public Task<bool> SetModeAsync(long id, AgentMode mode, CancellationToken cancellationToken) =>
        ChangedAsync("UPDATE agents SET mode = @mode WHERE id = @id", new { id, mode = AgentRow.ModeName(mode) }, cancellationToken);

    public Task<bool> TouchAsync(long id, DateTimeOffset seenAt, CancellationToken cancellationToken) =>
        ChangedAsync("UPDATE agents SET last_seen_at = @seenAt WHERE id = @id", new { id, seenAt = UnixTime.ToMilliseconds(seenAt) }, cancellationToken);

    public Task<bool> ReplaceKeysAsync(long id, byte[] signingKey, byte[] sealingKey, CancellationToken cancellationToken) =>
        ChangedAsync(
            "UPDATE agents SET signing_key = @signingKey, sealing_key = @sealingKey, key_version = key_version + 1 WHERE id = @id",
            new { id, signingKey, sealingKey },
            cancellationToken);

    public async Task<bool> RemoveAsync(long id, CancellationToken cancellationToken)
    {
        await using var session = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var name = await session.Connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT name FROM agents WHERE id = @id", new { id }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (name is null)
        {
            return false;
        }

        await session.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM agent_cluster_members WHERE agent = @name", new { name }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM tokens WHERE agent_id = @id", new { id }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM agents WHERE id = @id", new { id }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task SaveClusterAsync(AgentCluster cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        await using var session = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var mode = cluster.Mode == ClusterMode.LoadBalance ? "load-balance" : "failover";
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM agent_cluster_members WHERE cluster = @Name", new { cluster.Name }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO agent_clusters (name, mode) VALUES (@Name, @mode) ON CONFLICT (name) DO UPDATE SET mode = excluded.mode",
            new { cluster.Name, mode },
            session.Transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        for (var position = 0; position < cluster.Members.Count; position++)
        {
            await session.Connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO agent_cluster_members (cluster, agent, position) VALUES (@cluster, @agent, @position)",
                new { cluster = cluster.Name, agent = cluster.Members[position], position = (long)position },
                session.Transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<AgentCluster?> FindClusterAsync(string name, CancellationToken cancellationToken) =>
        (await ReadClustersAsync(name, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    public Task<IReadOnlyList<AgentCluster>> ListClustersAsync(CancellationToken cancellationToken) => ReadClustersAsync(null, cancellationToken);

    public async Task<bool> RemoveClusterAsync(string name, CancellationToken cancellationToken)
    {
        await using var session = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM agent_cluster_members WHERE cluster = @name", new { name }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var removed = await session.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM agent_clusters WHERE name = @name", new { name }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        return removed > 0;
    }

    private async Task<IReadOnlyList<AgentCluster>> ReadClustersAsync(string? name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var clusters = await connection.QueryAsync<(string Name, string Mode)>(new CommandDefinition(
            "SELECT name, mode FROM agent_clusters WHERE @name IS NULL OR name = @name ORDER BY name",
            new { name },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        var members = await connection.QueryAsync<(string Cluster, string Agent)>(new CommandDefinition(
            "SELECT cluster, agent FROM agent_cluster_members WHERE @name IS NULL OR cluster = @name ORDER BY cluster, position",
            new { name },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        var byCluster = members.GroupBy(m => m.Cluster, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(m => m.Agent).ToList(), StringComparer.Ordinal);
        return clusters.Select(c => new AgentCluster(
            c.Name,
            c.Mode == "load-balance" ? ClusterMode.LoadBalance : ClusterMode.Failover,
            byCluster.GetValueOrDefault(c.Name) ?? [])).ToList();
    }

    private async Task<AgentRecord?> FindByNameAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<AgentRow>(new CommandDefinition(
            AgentRow.SelectColumns + " WHERE name = @name", new { name }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToRecord();
    }

    private async Task<bool> ChangedAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(sql, parameters, cancellationToken).ConfigureAwait(false) > 0;
}
