using AssetBridge.Core.Agents;

namespace AssetBridge.Agent.Remote;

/// <summary>How a remote agent runs. Each default says the rule that constrains it.</summary>
public sealed class RemoteAgentOptions
{
    /// <summary>Jobs run at once. Default 4.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>How often the agent heartbeats and renews its leases. Default 15 s; the server's lease (60 s) spans four.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = AgentHeartbeat.DefaultInterval;

    /// <summary>How long a claim waits on the server for work (long poll). Default 25 s, under common proxy idle timeouts.</summary>
    public TimeSpan ClaimWait { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>On SIGTERM, how long running jobs may take to finish before they are handed back. Default 30 s.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First wait before reconnecting to a server that is away; doubles per failure, with jitter. Default 500 ms.</summary>
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest wait between reconnection attempts. Default 30 s.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an upload or acknowledgement keeps retrying a server that is away. Default 60 s, the server's lease.</summary>
    public TimeSpan DeliveryPatience { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Tests wrap the HTTP handler (to watch bodies or inject faults); null in production.</summary>
    internal Func<HttpMessageHandler, HttpMessageHandler>? WrapHandler { get; set; }

    public void Validate()
    {
        if (Concurrency is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(Concurrency), Concurrency, "Concurrency must be between 1 and 64.");
        }

        if (HeartbeatInterval <= TimeSpan.Zero || ClaimWait < TimeSpan.Zero || ClaimWait > TimeSpan.FromSeconds(30) || DrainTimeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ClaimWait), "The heartbeat must be positive, the claim wait 0-30 s and the drain timeout not negative.");
        }

        if (ReconnectBaseDelay <= TimeSpan.Zero || ReconnectMaxDelay < ReconnectBaseDelay || DeliveryPatience <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ReconnectBaseDelay), "Reconnect delays must be positive, the maximum at least the base, and the delivery patience positive.");
        }
    }
}
