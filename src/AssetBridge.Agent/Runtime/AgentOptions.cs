namespace AssetBridge.Agent.Runtime;

/// <summary>How an agent claims and holds jobs. Every default is documented with the rule that constrains it.</summary>
public sealed class AgentOptions
{
    /// <summary>The agent's name, stamped on the leases it holds. Default "embedded".</summary>
    public string Name { get; set; } = "embedded";

    /// <summary>Jobs run at once. Default 4: one per ServiceNow table, so a sync's four jobs overlap.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>
    /// How long a lease lasts without a heartbeat. Default 60 s. Must be at least three heartbeat
    /// intervals, so one missed heartbeat never loses a healthy job.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a running job's lease is renewed. Default 15 s.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long an idle worker waits before asking for work again when nobody wakes it. Default 500 ms.</summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Pages a job may have downloaded but not yet delivered. Default 2: the next page downloads while
    /// the previous one is written, and memory stays bounded by a few pages per job.
    /// </summary>
    public int PagesInFlight { get; set; } = 2;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("The agent needs a name.", nameof(Name));
        }

        if (Concurrency is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(Concurrency), Concurrency, "Concurrency must be between 1 and 64.");
        }

        if (HeartbeatInterval <= TimeSpan.Zero || LeaseDuration < HeartbeatInterval * 3)
        {
            throw new ArgumentOutOfRangeException(nameof(LeaseDuration), LeaseDuration, "The lease must last at least three heartbeat intervals.");
        }

        if (PagesInFlight < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PagesInFlight), PagesInFlight, "At least one page must be allowed in flight.");
        }
    }
}
