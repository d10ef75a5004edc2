namespace AssetBridge.Core.Agents;

/// <summary>An agent as the selector sees it at one moment: its record, its status then, and the jobs it holds or has queued.</summary>
public sealed record AgentCandidate(AgentRecord Agent, AgentStatus Status, int Load)
{
    public string Name => Agent.Name;
}
