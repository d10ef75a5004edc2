namespace AssetBridge.Agent.Remote;

/// <summary>
/// What <c>agent enroll</c> was given: the server, a one-time enrolment token, the agent's name, its
/// capabilities (none means ALL) and IP ranges (none means every address; <c>!</c> excludes), and the
/// server certificate's SHA-256 thumbprint to pin (null: pin the one first seen, and say it aloud).
/// </summary>
public sealed record AgentEnrollment(
    Uri Server,
    string EnrollmentToken,
    string Name,
    IReadOnlyList<string> Capabilities,
    IReadOnlyList<string> IpRanges,
    string? ServerThumbprint);
