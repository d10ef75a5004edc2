namespace AssetBridge.Emulators.Azure.Faults;

/// <summary>
/// Decides each request's fault. Scripted faults come first: the oldest script whose path prefix
/// matches (any ARM request when it has none) and still has requests left. Then random faults on
/// ARM requests at the configured rate, from a Random seeded by the options: 500 and 503 alike,
/// 429 one time in ten.
/// </summary>
internal sealed class AzureFaultInjector(double faultRate, int seed)
{
    private readonly Lock gate = new();
    private readonly List<Script> scripts = [];
    private readonly Random random = new(seed);

    public int Pending
    {
        get
        {
            lock (gate)
            {
                return scripts.Sum(s => s.Remaining);
            }
        }
    }

    public void Enqueue(AzureFault fault, int count, string? pathPrefix)
    {
        lock (gate)
        {
            scripts.Add(new Script(fault, pathPrefix) { Remaining = count });
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            scripts.Clear();
        }
    }

    public AzureFault? Next(string path, bool isArm)
    {
        lock (gate)
        {
            var script = scripts.Find(s => s.PathPrefix is null ? isArm : path.StartsWith(s.PathPrefix, StringComparison.OrdinalIgnoreCase));
            if (script is not null)
            {
                if (--script.Remaining == 0)
                {
                    scripts.Remove(script);
                }

                return script.Fault;
            }

            if (!isArm || faultRate <= 0 || random.NextDouble() >= faultRate)
            {
                return null;
            }

            var kind = random.Next(20);
            return kind < 2 ? AzureFault.TooManyRequests429 : kind < 11 ? AzureFault.ServerError500 : AzureFault.ServiceUnavailable503;
        }
    }

    private sealed class Script(AzureFault fault, string? pathPrefix)
    {
        public AzureFault Fault { get; } = fault;

        public string? PathPrefix { get; } = pathPrefix;

        public int Remaining { get; set; }
    }
}
