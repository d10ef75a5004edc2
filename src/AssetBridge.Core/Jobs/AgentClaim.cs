namespace AssetBridge.Core.Jobs;

/// <summary>
/// Who is claiming work, and for how long the lease should last before it must be renewed. An agent
/// claims jobs queued for it by name; with <paramref name="IncludeUnassigned"/> (the CLI's embedded agent,
/// where no selector runs) it also claims jobs no agent was selected for.
/// </summary>
public sealed record AgentClaim(string AgentName, TimeSpan LeaseDuration, bool IncludeUnassigned = true);
