using AssetBridge.Core.Agents;
using AssetBridge.Core.Errors;

namespace AssetBridge.Core.Application;

/// <summary>The control plane's agent actions: each one is a call to <see cref="AgentService"/>.</summary>
public sealed partial class LocalControlPlane
{
    private AgentService? _agents;

    /// <summary>How long an agent may stay silent before it is Down; the server sets the agent plane's window.</summary>
    public TimeSpan? AgentDownAfter { get; init; }

    private AgentService Agents => _agents ??= new AgentService(_store, _time, AgentDownAfter);

    public Task<IReadOnlyList<AgentView>> ListAgentsAsync(CancellationToken cancellationToken) => Agents.ListAsync(cancellationToken);

    public async Task<AgentView> ChangeAgentAsync(string nameOrId, AgentAction action, CancellationToken cancellationToken)
    {
        var before = await Agents.RequireAsync(nameOrId, cancellationToken).ConfigureAwait(false);
        switch (action)
        {
            case AgentAction.Approve:
                await Agents.ApproveAsync(nameOrId, cancellationToken).ConfigureAwait(false);
                break;
            case AgentAction.Pause:
                await Agents.PauseAsync(nameOrId, cancellationToken).ConfigureAwait(false);
                break;
            case AgentAction.Resume:
                await Agents.ResumeAsync(nameOrId, cancellationToken).ConfigureAwait(false);
                break;
            case AgentAction.Remove:
                var view = await ViewAsync(before.Name, cancellationToken).ConfigureAwait(false);
                await Agents.RemoveAsync(nameOrId, cancellationToken).ConfigureAwait(false);
                return view;
            case AgentAction.Rekey:
                await Agents.RekeyAsync(nameOrId, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new AssetBridgeException(ErrorKind.Usage, $"'{action}' is not an agent action.");
        }

        return await ViewAsync(before.Name, cancellationToken).ConfigureAwait(false);
    }

    public async Task<EnrollmentToken> CreateEnrollmentTokenAsync(TimeSpan expiresIn, bool autoApprove, CancellationToken cancellationToken)
    {
        var token = await Agents.CreateEnrollmentTokenAsync(expiresIn, autoApprove, cancellationToken).ConfigureAwait(false);
        return new EnrollmentToken(token, _time.GetUtcNow() + expiresIn, autoApprove);
    }

    public Task<AgentCluster> SaveClusterAsync(AgentCluster cluster, CancellationToken cancellationToken) =>
        Agents.SaveClusterAsync(cluster.Name, cluster.Mode, cluster.Members, cancellationToken);

    public Task<IReadOnlyList<AgentCluster>> ListClustersAsync(CancellationToken cancellationToken) => Agents.ListClustersAsync(cancellationToken);

    public Task RemoveClusterAsync(string name, CancellationToken cancellationToken) => Agents.RemoveClusterAsync(name, cancellationToken);

    private async Task<AgentView> ViewAsync(string name, CancellationToken cancellationToken) =>
        (await Agents.ListAsync(cancellationToken).ConfigureAwait(false)).Single(a => a.Name == name);
}
