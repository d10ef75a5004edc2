namespace AssetBridge.Bench.Queue;

/// <summary>One case through the agent API: throughput, and dispatch latencies on the tick and when pulsed.</summary>
internal sealed record QueueCaseResult(
    string Store,
    int Agents,
    int Jobs,
    double JobsPerSecond,
    IReadOnlyCollection<TimeSpan> OnTick,
    IReadOnlyCollection<TimeSpan> Pulsed,
    int MaxAttempts,
    int Duplicates,
    CpuShares Cpu);

/// <summary>One case against the store's queue alone.</summary>
internal sealed record StoreCaseResult(string Store, int Claimers, int Jobs, double JobsPerSecond, CpuShares Cpu);
