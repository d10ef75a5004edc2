using System.Net;

namespace AssetBridge.Core.Agents;

/// <summary>
/// What the selector needs to know about one job: the capability it needs (its operation's provider),
/// the host it contacts and that host's addresses as resolved on the server, and its connector's placement.
/// <paramref name="Addresses"/> is empty when the job names no target or the name did not resolve.
/// </summary>
public sealed record AgentSelectionRequest(string Capability, string? TargetHost, IReadOnlyList<IPAddress> Addresses, AgentPlacement Placement);

/// <summary>The agent chosen for a job, or the sentence saying why the job waits.</summary>
public sealed record AgentSelection(string? AgentName, string? WaitReason)
{
    public static AgentSelection Chosen(string agentName) => new(agentName, null);

    public static AgentSelection Waiting(string reason) => new(null, reason);
}
