using System.Globalization;

namespace AssetBridge.Bench.Queue;

/// <summary>What <c>queue</c> was asked to measure; every default is what docs/benchmarks.md reports.</summary>
internal sealed record QueueBenchSettings(
    int Jobs,
    IReadOnlyList<int> Agents,
    IReadOnlyList<string> Stores,
    int JobsPerRun,
    int AgentConcurrency,
    int Probes,
    bool ThroughAgentApi,
    bool AgainstStore,
    int Attempts)
{
    /// <summary>A case during which other processes took more of the machine than this is run again.</summary>
    public const double OtherLoadLimit = 0.10;

    /// <summary>Runs enqueued and awaited before measuring: JIT, connection pools, TLS sessions.</summary>
    public const int WarmupRuns = 25;

    /// <summary>A fixed seed, so the gaps between latency probes are the same in every run of the bench.</summary>
    public const int ProbeSeed = 7;

    public int ThroughputRuns => (Jobs + JobsPerRun - 1) / JobsPerRun;

    public static QueueBenchSettings Parse(string[] args)
    {
        var a = new BenchArgs(args);
        var level = a.Get("--level") ?? "both";
        var settings = new QueueBenchSettings(
            a.Int("--jobs", 2000),
            List(a.Get("--agents") ?? "1,4,16").Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList(),
            List(a.Get("--stores") ?? "sqlite,postgres"),
            a.Int("--jobs-per-run", 4),
            a.Int("--agent-concurrency", 4),
            a.Int("--probes", 80),
            level is "both" or "api",
            level is "both" or "store",
            a.Int("--attempts", 3));
        if (settings.Jobs < 1 || settings.JobsPerRun < 1 || settings.Probes < 1 || settings.Attempts < 1 || settings.Agents.Any(n => n < 1)
            || settings.AgentConcurrency is < 1 or > 64 || !(settings.ThroughAgentApi || settings.AgainstStore))
        {
            throw new ArgumentException("queue: --jobs, --jobs-per-run, --probes, --attempts and --agents must be positive, --agent-concurrency 1-64, --level api, store or both.");
        }

        return settings;
    }

    private static List<string> List(string text) => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
