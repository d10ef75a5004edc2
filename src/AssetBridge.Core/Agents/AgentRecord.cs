namespace AssetBridge.Core.Agents;

/// <summary>
/// An enrolled agent (a MID Server). It is identified by its own keys: requests are signed with the
/// signing key, and credentials are sealed to the sealing key. Public keys are SubjectPublicKeyInfo DER.
/// </summary>
public sealed record AgentRecord(
    long Id,
    string Name,
    IReadOnlyList<string> Capabilities,
    IpRangeSet IpRanges,
    byte[] SigningKey,
    byte[] SealingKey,
    int KeyVersion,
    bool Approved,
    AgentMode Mode,
    bool Embedded,
    DateTimeOffset EnrolledAt,
    DateTimeOffset? LastSeenAt,
    string? Host,
    string? Version)
{
    /// <summary>The capability that matches every job.</summary>
    public const string AllCapability = "ALL";

    /// <summary>Down when no heartbeat arrived within <paramref name="downAfter"/>; otherwise the admin-set mode.</summary>
    public AgentStatus StatusAt(DateTimeOffset now, TimeSpan downAfter) =>
        LastSeenAt is not { } seen || now - seen > downAfter
            ? AgentStatus.Down
            : Mode switch
            {
                AgentMode.Paused => AgentStatus.Paused,
                AgentMode.Draining => AgentStatus.Draining,
                _ => AgentStatus.Up,
            };

    /// <summary>Whether the agent may run jobs needing <paramref name="capability"/> (case-insensitive; ALL matches all).</summary>
    public bool HasCapability(string capability) =>
        Capabilities.Any(c => string.Equals(c, AllCapability, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c, capability, StringComparison.OrdinalIgnoreCase));
}

/// <summary>An agent to register; the store assigns the id.</summary>
public sealed record NewAgent(
    string Name,
    IReadOnlyList<string> Capabilities,
    IpRangeSet IpRanges,
    byte[] SigningKey,
    byte[] SealingKey,
    bool Approved,
    bool Embedded,
    string? Host,
    string? Version);
