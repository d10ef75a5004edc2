using AssetBridge.Core.Access;
using AssetBridge.Core.Agents;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Storage;

namespace AssetBridge.Core.Application;

/// <summary>
/// The admin side of agents: enrolment tokens, approval, pause and resume, removal, rekey and clusters.
/// The CLI and the admin API both call this, so each action has one code path.
/// </summary>
public sealed class AgentService
{
    /// <summary>How long an agent has to pick up a rekey request before it lapses. Default 7 days.</summary>
    public static readonly TimeSpan RekeyWindow = TimeSpan.FromDays(7);

    private readonly IStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _downAfter;

    public AgentService(IStore store, TimeProvider time, TimeSpan? downAfter = null)
    {
        _store = store;
        _time = time;
        _downAfter = downAfter ?? AgentHeartbeat.DefaultDownAfter;
    }

    /// <summary>A one-time enrolment token, shown only now. With <paramref name="autoApprove"/> its agent gets work without approval.</summary>
    public async Task<string> CreateEnrollmentTokenAsync(TimeSpan expires, bool autoApprove, CancellationToken cancellationToken)
    {
        if (expires <= TimeSpan.Zero || expires > TimeSpan.FromDays(30))
        {
            throw new AssetBridgeException(ErrorKind.Usage, "An enrolment token must expire within 30 days; pass --expires between 1m and 30d, e.g. --expires 1h.");
        }

        var token = BearerToken.New(TokenKind.Enrollment);
        var now = _time.GetUtcNow();
        await _store.Tokens.CreateAsync(
            new NewToken(TokenKind.Enrollment, BearerToken.Hash(token), autoApprove ? "agent enrolment (auto-approve)" : "agent enrolment", null, autoApprove, now, now + expires),
            cancellationToken).ConfigureAwait(false);
        return token;
    }

    public async Task<IReadOnlyList<AgentView>> ListAsync(CancellationToken cancellationToken)
    {
        var agents = await _store.Agents.ListAsync(cancellationToken).ConfigureAwait(false);
        var loads = await _store.Jobs.CountLoadByAgentAsync(cancellationToken).ConfigureAwait(false);
        var rekeys = await PendingRekeysAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        return
        [
            .. agents.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => new AgentView(
                a.Id, a.Name, a.StatusAt(now, _downAfter), a.Approved, a.Embedded, a.Capabilities, a.IpRanges.ToEntries(),
                loads.GetValueOrDefault(a.Name), a.KeyVersion, rekeys.ContainsKey(a.Id), a.EnrolledAt, a.LastSeenAt, a.Host, a.Version)),
        ];
    }

    public async Task<AgentRecord> ApproveAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var agent = await RequireAsync(nameOrId, cancellationToken).ConfigureAwait(false);
        await _store.Agents.SetApprovedAsync(agent.Id, true, cancellationToken).ConfigureAwait(false);
        return agent with { Approved = true };
    }

    /// <summary>Paused: the agent heartbeats but gets no new work; its queued jobs go to other agents.</summary>
    public Task<AgentRecord> PauseAsync(string nameOrId, CancellationToken cancellationToken) => SetModeAsync(nameOrId, AgentMode.Paused, cancellationToken);

    public Task<AgentRecord> ResumeAsync(string nameOrId, CancellationToken cancellationToken) => SetModeAsync(nameOrId, AgentMode.Active, cancellationToken);

    /// <summary>Removes the agent: its sessions end and its jobs go to other agents.</summary>
    public async Task<int> RemoveAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var agent = await RequireAsync(nameOrId, cancellationToken).ConfigureAwait(false);

        // The agent goes first: once it is gone no new session can be opened for it, so revoking after
        // leaves none behind. Its jobs are re-homed last, when nothing can claim them for it any more.
        await _store.Agents.RemoveAsync(agent.Id, cancellationToken).ConfigureAwait(false);
        await _store.Tokens.RevokeAgentSessionsAsync(agent.Id, cancellationToken).ConfigureAwait(false);
        return await _store.Jobs.RehomeAsync(agent.Name, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Asks the agent to replace its key pair. The request is kept as a one-time enrolment token bound
    /// to the agent (its value is never shown: only the agent, signing with its current key, can redeem
    /// it); the agent learns of it at its next heartbeat, makes new keys and submits them.
    /// </summary>
    public async Task<AgentRecord> RekeyAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var agent = await RequireAsync(nameOrId, cancellationToken).ConfigureAwait(false);
        if (agent.Embedded)
        {
            throw new AssetBridgeException(ErrorKind.Usage, $"Agent '{agent.Name}' is embedded in a server and holds no keys to replace.");
        }

        var rekeys = await PendingRekeysAsync(cancellationToken).ConfigureAwait(false);
        if (!rekeys.ContainsKey(agent.Id))
        {
            var now = _time.GetUtcNow();
            await _store.Tokens.CreateAsync(
                new NewToken(TokenKind.Enrollment, BearerToken.Hash(BearerToken.New(TokenKind.Enrollment)), $"rekey of agent {agent.Name}", agent.Id, false, now, now + RekeyWindow),
                cancellationToken).ConfigureAwait(false);
        }

        return agent;
    }

    /// <summary>The agent's pending rekey request, or null.</summary>
    public async Task<StoredToken?> FindPendingRekeyAsync(long agentId, CancellationToken cancellationToken) =>
        (await PendingRekeysAsync(cancellationToken).ConfigureAwait(false)).GetValueOrDefault(agentId);

    public async Task<AgentCluster> SaveClusterAsync(string name, ClusterMode mode, IReadOnlyList<string> members, CancellationToken cancellationToken)
    {
        Names.Validate(name, "cluster");
        if (members.Count == 0)
        {
            throw new AssetBridgeException(ErrorKind.Usage, $"Cluster '{name}' needs at least one member; pass --agent NAME once per member, in failover order.");
        }

        var names = new List<string>();
        foreach (var member in members)
        {
            names.Add((await RequireAsync(member, cancellationToken).ConfigureAwait(false)).Name);
        }

        var cluster = new AgentCluster(name, mode, names.Distinct(StringComparer.Ordinal).ToList());
        await _store.Agents.SaveClusterAsync(cluster, cancellationToken).ConfigureAwait(false);
        return cluster;
    }

    public Task<IReadOnlyList<AgentCluster>> ListClustersAsync(CancellationToken cancellationToken) => _store.Agents.ListClustersAsync(cancellationToken);

    public async Task RemoveClusterAsync(string name, CancellationToken cancellationToken)
    {
        if (!await _store.Agents.RemoveClusterAsync(name, cancellationToken).ConfigureAwait(false))
        {
            throw new AssetBridgeException(ErrorKind.NotFound, $"No cluster is named '{name}'; run `assetbridge agents cluster list` to see the clusters.");
        }
    }

    public async Task<AgentRecord> RequireAsync(string nameOrId, CancellationToken cancellationToken) =>
        await _store.Agents.FindAsync(nameOrId, cancellationToken).ConfigureAwait(false)
        ?? throw new AssetBridgeException(ErrorKind.NotFound, $"No agent is named '{nameOrId}'; run `assetbridge agents list` to see the enrolled agents.");

    private async Task<AgentRecord> SetModeAsync(string nameOrId, AgentMode mode, CancellationToken cancellationToken)
    {
        var agent = await RequireAsync(nameOrId, cancellationToken).ConfigureAwait(false);
        await _store.Agents.SetModeAsync(agent.Id, mode, cancellationToken).ConfigureAwait(false);
        return agent with { Mode = mode };
    }

    private async Task<Dictionary<long, StoredToken>> PendingRekeysAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var tokens = await _store.Tokens.ListAsync([TokenKind.Enrollment], cancellationToken).ConfigureAwait(false);
        return tokens
            .Where(t => t.AgentId is not null && t.UsedAt is null && (t.ExpiresAt is null || t.ExpiresAt > now))
            .GroupBy(t => t.AgentId!.Value)
            .ToDictionary(g => g.Key, g => g.First());
    }
}
