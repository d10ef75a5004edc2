using AssetBridge.Core.Agents;
using AssetBridge.Core.Ingestion;
using AssetBridge.Core.Jobs;

namespace AssetBridge.Agent.Protocol;

/// <summary>POST /agent/v1/enroll (Authorization: Bearer enrolment token). Signed with the new signing key (purpose "enroll").</summary>
public sealed record EnrollRequest(
    string Name,
    IReadOnlyList<string> Capabilities,
    IReadOnlyList<string> IpRanges,
    byte[] SigningKey,
    byte[] SealingKey,
    long Timestamp,
    byte[] Signature,
    string? Host,
    string? Version);

public sealed record EnrollResponse(long AgentId, string Name, bool Approved, int KeyVersion);

/// <summary>POST /agent/v1/sessions: proof of the signing key (purpose "session") for a short-lived session token.</summary>
public sealed record SessionRequest(string Name, long Timestamp, byte[] Signature);

public sealed record SessionResponse(string Token, DateTimeOffset ExpiresAt, int KeyVersion);

/// <summary>POST /agent/v1/heartbeat: the agent is alive; <paramref name="Draining"/> while it shuts down.</summary>
public sealed record HeartbeatRequest(bool Draining, string? Version);

/// <summary>What the server wants of the agent: its status, whether it may get work, whether to replace its keys.</summary>
public sealed record HeartbeatResponse(AgentStatus Status, bool Approved, bool Rekey, int KeyVersion);

/// <summary>
/// POST /agent/v1/rekey: new public keys; the same statement (purpose "rekey") signed with the current
/// signing key (<paramref name="Signature"/>) and with the new one (<paramref name="NewKeySignature"/>).
/// </summary>
public sealed record RekeyRequest(byte[] SigningKey, byte[] SealingKey, long Timestamp, byte[] Signature, byte[] NewKeySignature);

public sealed record RekeyResponse(int KeyVersion);

/// <summary>Body of renew, credential and release: the lease token the claim returned.</summary>
public sealed record LeaseRequest(Guid Token);

public sealed record CompleteRequest(Guid Token, JobOutcome Outcome);

public sealed record FailRequest(Guid Token, string Error);

/// <summary>Whether the lease was still current, so the call took effect.</summary>
public sealed record LeaseResponse(bool Current);

public sealed record ChunkResponse(ChunkApplyResult Result);
