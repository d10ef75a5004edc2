using AssetBridge.Core.Access;
using AssetBridge.Core.Agents;
using AssetBridge.Core.Errors;

namespace AssetBridge.Core.Application;

// AGENT-PLANE: a thin adapter over IStore until AgentService lands; at merge each method below
// becomes a call to AgentService (ListAsync, Approve/Pause/Resume/Remove/RekeyAsync,
// CreateEnrollmentTokenAsync, cluster save/list/remove) and this file shrinks to those calls.
public sealed partial class LocalControlPlane
{
    // AGENT-PLANE: the agent monitor owns this window; until then an agent silent this long is Down.
    private static readonly TimeSpan DownAfter = TimeSpan.FromSeconds(90);

    public async Task<IReadOnlyList<AgentView>> ListAgentsAsync(CancellationToken cancellationToken)
    {
        var agents = await _store.Agents.ListAsync(cancellationToken).ConfigureAwait(false);
        var load = await _store.Jobs.CountLoadByAgentAsync(cancellationToken).ConfigureAwait(false);
        return [.. agents.Select(a => View(a, load))];
    }

    public async Task<AgentView> ChangeAgentAsync(string nameOrId, AgentAction action, CancellationToken cancellationToken)
    {
        var agent = await _store.Agents.FindAsync(nameOrId, cancellationToken).ConfigureAwait(false)
            ?? throw new AssetBridgeException(ErrorKind.NotFound, $"No agent is named '{nameOrId}'; run 'assetbridge agents list' to see them.");
        switch (action)
        {
            case AgentAction.Approve:
                await _store.Agents.SetApprovedAsync(agent.Id, true, cancellationToken).ConfigureAwait(false);
                break;
            case AgentAction.Pause:
                await _store.Agents.SetModeAsync(agent.Id, AgentMode.Paused, cancellationToken).ConfigureAwait(false);
                break;
            case AgentAction.Resume:
                await _store.Agents.SetModeAsync(agent.Id, AgentMode.Active, cancellationToken).ConfigureAwait(false);
                break;
            case AgentAction.Remove:
                await _store.Jobs.RehomeAsync(agent.Name, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                await _store.Tokens.RevokeAgentSessionsAsync(agent.Id, cancellationToken).ConfigureAwait(false);
                await _store.Agents.RemoveAsync(agent.Id, cancellationToken).ConfigureAwait(false);
                return View(agent, new Dictionary<string, int>());
            case AgentAction.Rekey:
                // AGENT-PLANE: AgentService.RekeyAsync decides the rekey protocol; revoking the sessions
                // makes the agent authenticate again, which is where it will present new keys.
                await _store.Tokens.RevokeAgentSessionsAsync(agent.Id, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new AssetBridgeException(ErrorKind.Usage, $"'{action}' is not an agent action.");
        }

        var load = await _store.Jobs.CountLoadByAgentAsync(cancellationToken).ConfigureAwait(false);
        var after = await _store.Agents.GetAsync(agent.Id, cancellationToken).ConfigureAwait(false) ?? agent;
        return View(after, load);
    }

    public async Task<EnrollmentToken> CreateEnrollmentTokenAsync(TimeSpan expiresIn, bool autoApprove, CancellationToken cancellationToken)
    {
        if (expiresIn <= TimeSpan.Zero || expiresIn > TimeSpan.FromDays(30))
        {
            throw new AssetBridgeException(ErrorKind.Usage, "An enrolment token expires within 30 days; use --expires such as 1h or 7d.");
        }

        var token = BearerToken.New(TokenKind.Enrollment);
        var now = _time.GetUtcNow();
        await _store.Tokens.CreateAsync(
            new NewToken(TokenKind.Enrollment, BearerToken.Hash(token), "agent enrolment", null, autoApprove, now, now + expiresIn),
            cancellationToken).ConfigureAwait(false);
        return new EnrollmentToken(token, now + expiresIn, autoApprove);
    }

    public async Task<AgentCluster> SaveClusterAsync(AgentCluster cluster, CancellationToken cancellationToken)
    {
        Names.Validate(cluster.Name, "cluster");
        if (cluster.Members.Count == 0)
        {
            throw new AssetBridgeException(ErrorKind.Usage, $"Cluster '{cluster.Name}' needs at least one --member.");
        }

        foreach (var member in cluster.Members)
        {
            _ = await _store.Agents.FindAsync(member, cancellationToken).ConfigureAwait(false)
                ?? throw new AssetBridgeException(ErrorKind.NotFound, $"No agent is named '{member}'; run 'assetbridge agents list' to see them.");
        }

        await _store.Agents.SaveClusterAsync(cluster, cancellationToken).ConfigureAwait(false);
        return cluster;
    }

    public Task<IReadOnlyList<AgentCluster>> ListClustersAsync(CancellationToken cancellationToken) => _store.Agents.ListClustersAsync(cancellationToken);

    public async Task RemoveClusterAsync(string name, CancellationToken cancellationToken)
    {
        if (!await _store.Agents.RemoveClusterAsync(name, cancellationToken).ConfigureAwait(false))
        {
            throw new AssetBridgeException(ErrorKind.NotFound, $"No cluster is named '{name}'; run 'assetbridge agents cluster list' to see them.");
        }
    }

    private AgentView View(AgentRecord agent, IReadOnlyDictionary<string, int> load) => new(
        agent.Id,
        agent.Name,
        agent.StatusAt(_time.GetUtcNow(), DownAfter),
        agent.Approved,
        agent.Embedded,
        agent.Capabilities,
        agent.IpRanges.ToEntries(),
        load.GetValueOrDefault(agent.Name),
        agent.KeyVersion,
        agent.EnrolledAt,
        agent.LastSeenAt,
        agent.Host,
        agent.Version);
}
