using System.Globalization;

namespace AssetBridge.Core.Agents;

/// <summary>
/// Picks the agent for a job (the seed's findMatchingMid). An agent is suitable when it is approved, has
/// the job's capability (or ALL) and its IP ranges allow the target's address; of the suitable agents
/// that are Up, the connector's pinned agent or cluster decides (failover by order, or least loaded),
/// else the least loaded one (ties by name). When none fits, the connector's default agent runs the job
/// if it is approved and Up; Paused and Draining agents never get new work. Pure: no I/O, no clock.
/// </summary>
public static class AgentSelector
{
    public static AgentSelection Select(AgentSelectionRequest request, IReadOnlyList<AgentCandidate> agents, AgentCluster? pinnedCluster)
    {
        var byName = agents.ToDictionary(a => a.Name, StringComparer.Ordinal);
        var problems = new List<string>();
        IReadOnlyList<AgentCandidate> pool;
        var failover = false;
        var placement = request.Placement;

        if (placement.PinnedAgent is { } pinned)
        {
            pool = byName.TryGetValue(pinned, out var agent) ? [agent] : [];
            if (pool.Count == 0)
            {
                problems.Add($"the connector is pinned to agent '{pinned}', which is not enrolled");
            }
        }
        else if (placement.PinnedCluster is { } clusterName)
        {
            if (pinnedCluster is null || !string.Equals(pinnedCluster.Name, clusterName, StringComparison.Ordinal))
            {
                pool = [];
                problems.Add($"the connector is pinned to cluster '{clusterName}', which does not exist");
            }
            else
            {
                pool = [.. pinnedCluster.Members.Where(byName.ContainsKey).Select(m => byName[m])];
                failover = pinnedCluster.Mode == ClusterMode.Failover;
                if (pool.Count == 0)
                {
                    problems.Add($"cluster '{clusterName}' has no enrolled member");
                }
            }
        }
        else
        {
            pool = agents;
            if (pool.Count == 0)
            {
                problems.Add("no agent is enrolled");
            }
        }

        var ready = new List<AgentCandidate>();
        foreach (var candidate in pool)
        {
            if (Unsuitability(candidate, request) is { } problem)
            {
                problems.Add(problem);
            }
            else
            {
                ready.Add(candidate);
            }
        }

        if (ready.Count > 0)
        {
            // Checkpoint: failover keeps the cluster's order; everything else spreads by load, then name.
            var chosen = failover
                ? ready[0]
                : ready.OrderBy(a => a.Load).ThenBy(a => a.Name, StringComparer.Ordinal).First();
            return AgentSelection.Chosen(chosen.Name);
        }

        if (placement.DefaultAgent is { } defaultName)
        {
            if (!byName.TryGetValue(defaultName, out var fallback))
            {
                problems.Add($"the default agent '{defaultName}' is not enrolled");
            }
            else if (!fallback.Agent.Approved)
            {
                problems.Add($"the default agent {defaultName} awaits approval");
            }
            else if (fallback.Status != AgentStatus.Up)
            {
                problems.Add($"the default agent {defaultName} is {fallback.Status}");
            }
            else
            {
                return AgentSelection.Chosen(fallback.Name);
            }
        }

        return AgentSelection.Waiting("waiting for an agent: " + string.Join("; ", problems.Distinct(StringComparer.Ordinal)));
    }

    /// <summary>Why the agent cannot take the job now, or null when it can.</summary>
    private static string? Unsuitability(AgentCandidate candidate, AgentSelectionRequest request)
    {
        var agent = candidate.Agent;
        if (!agent.Approved)
        {
            return $"{agent.Name} awaits approval (assetbridge agents approve {agent.Name})";
        }

        if (!agent.HasCapability(request.Capability))
        {
            return $"{agent.Name} lacks capability '{request.Capability}'";
        }

        if (!agent.IpRanges.IsUnlimited)
        {
            if (request.Addresses.Count == 0)
            {
                return request.TargetHost is null
                    ? $"{agent.Name} serves only some IP ranges and the job names no target"
                    : $"{agent.Name} serves only some IP ranges and '{request.TargetHost}' did not resolve";
            }

            if (!request.Addresses.Any(agent.IpRanges.Allows))
            {
                return string.Create(CultureInfo.InvariantCulture, $"{agent.Name}'s IP ranges exclude {string.Join(", ", request.Addresses)}");
            }
        }

        return candidate.Status == AgentStatus.Up ? null : $"{agent.Name} is {candidate.Status}";
    }
}
