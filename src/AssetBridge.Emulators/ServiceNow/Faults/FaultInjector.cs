using System.Collections.Concurrent;

namespace AssetBridge.Emulators.ServiceNow.Faults;

/// <summary>
/// Decides each Table API request's fault: scripted faults first, in the order enqueued (tests),
/// then random ones at the configured rate from a Random seeded by the options (demos, soak runs),
/// so the same seed and the same request sequence give the same faults.
/// </summary>
internal sealed class FaultInjector(double faultRate, int seed)
{
    private static readonly EmulatorFault[] Kinds = Enum.GetValues<EmulatorFault>();

    private readonly ConcurrentQueue<EmulatorFault> scripted = new();
    private readonly Random random = new(seed);

    /// <summary>How long SlowResponse holds a request. Default one second.</summary>
    public TimeSpan SlowResponseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public int Pending => scripted.Count;

    public void Enqueue(EmulatorFault fault) => scripted.Enqueue(fault);

    public void Clear() => scripted.Clear();

    public EmulatorFault? Next()
    {
        if (scripted.TryDequeue(out var fault))
        {
            return fault;
        }

        if (faultRate <= 0)
        {
            return null;
        }

        lock (random)
        {
            return random.NextDouble() < faultRate ? Kinds[random.Next(Kinds.Length)] : null;
        }
    }
}
