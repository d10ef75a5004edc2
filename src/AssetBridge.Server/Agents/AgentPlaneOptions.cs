using AssetBridge.Core.Agents;

namespace AssetBridge.Server.Agents;

/// <summary>How the server dispatches work to agents and watches them. Each default says the rule that constrains it.</summary>
public sealed class AgentPlaneOptions
{
    /// <summary>
    /// Lower-case hex SHA-256 of the server certificate's DER, as agents pin it. Required: agents sign it
    /// into every proof, so a proof made for another server (or a man in the middle) is refused.
    /// </summary>
    public string ServerCertificateThumbprint { get; set; } = string.Empty;

    /// <summary>An agent with no heartbeat for this long is Down and its jobs are re-homed. Default 60 s (four heartbeats).</summary>
    public TimeSpan DownAfter { get; set; } = AgentHeartbeat.DefaultDownAfter;

    /// <summary>How long an agent session token lasts. Default 1 h; the agent opens a new one when it expires.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a job lease lasts without renewal. Default 60 s: at least three agent heartbeats (15 s).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The dispatcher's longest sleep between passes. Default 250 ms, so jobs another replica enqueued are dispatched quickly.</summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often a held claim re-reads the database, for jobs another replica assigned. Default 200 ms.</summary>
    public TimeSpan ClaimRecheckInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often the monitor looks for Down, Paused and Draining agents holding work. Default 1 s.</summary>
    public TimeSpan MonitorInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether this server runs an agent of its own (capability ALL, every address). Default true.</summary>
    public bool EmbeddedAgent { get; set; } = true;

    /// <summary>The embedded agent's name; unique per replica. Default "embedded-" plus the machine name.</summary>
    public string EmbeddedAgentName { get; set; } = "embedded-" + Environment.MachineName.ToLowerInvariant();

    /// <summary>Jobs the embedded agent runs at once. Default 4.</summary>
    public int EmbeddedConcurrency { get; set; } = 4;

    public void Validate()
    {
        if (AgentProof.NormalizeThumbprint(ServerCertificateThumbprint).Length != 64)
        {
            throw new ArgumentException("AgentPlaneOptions.ServerCertificateThumbprint must be the SHA-256 thumbprint (64 hex digits) of the server's HTTPS certificate.", nameof(ServerCertificateThumbprint));
        }

        // The server cannot know every agent's heartbeat interval; agents are told to heartbeat at
        // under half this window (agent run --heartbeat-interval), and the floor keeps a typo from
        // marking every agent Down between two heartbeats.
        if (DownAfter < TimeSpan.FromSeconds(2))
        {
            throw new Core.Errors.AssetBridgeException(
                Core.Errors.ErrorKind.Usage,
                $"--agent-down-after must be at least 2s (and more than twice the agents' --heartbeat-interval), not {DownAfter.TotalSeconds:0.###}s.");
        }

        if (LeaseDuration < TimeSpan.FromSeconds(3) || SessionLifetime < TimeSpan.FromMinutes(1))
        {
            throw new ArgumentOutOfRangeException(nameof(LeaseDuration), "Leases must last at least 3 s and sessions at least 1 minute.");
        }

        if (DispatchInterval <= TimeSpan.Zero || ClaimRecheckInterval <= TimeSpan.Zero || MonitorInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(DispatchInterval), "Dispatch, claim re-check and monitor intervals must be positive.");
        }
    }
}
