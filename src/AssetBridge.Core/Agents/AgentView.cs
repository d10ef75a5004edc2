namespace AssetBridge.Core.Agents;

/// <summary>An agent as <c>agents list</c> and the admin API show it: no key material.</summary>
public sealed record AgentView(
    long Id,
    string Name,
    AgentStatus Status,
    bool Approved,
    bool Embedded,
    IReadOnlyList<string> Capabilities,
    string IpRanges,
    int Load,
    int KeyVersion,
    bool RekeyPending,
    DateTimeOffset EnrolledAt,
    DateTimeOffset? LastSeenAt,
    string? Host,
    string? Version);
