namespace AssetBridge.Core.Jobs;

/// <summary>Who is claiming work, and for how long the lease should last before it must be renewed.</summary>
public sealed record AgentClaim(string AgentName, TimeSpan LeaseDuration);
