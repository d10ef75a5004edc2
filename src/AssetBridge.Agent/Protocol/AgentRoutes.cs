namespace AssetBridge.Agent.Protocol;

/// <summary>The agent protocol's routes, relative to the server's base address (docs/agent-protocol.md).</summary>
public static class AgentRoutes
{
    public const string Prefix = "/agent/v1";
    public const string Enroll = Prefix + "/enroll";
    public const string Sessions = Prefix + "/sessions";
    public const string Heartbeat = Prefix + "/heartbeat";
    public const string Rekey = Prefix + "/rekey";
    public const string Claim = Prefix + "/jobs/claim";

    /// <summary>Longest long poll the server holds a claim open. 30 s: under common proxy idle timeouts.</summary>
    public const int MaxClaimWaitSeconds = 30;

    public static string Job(long jobId, string action) => FormattableString.Invariant($"{Prefix}/jobs/{jobId}/{action}");
}
