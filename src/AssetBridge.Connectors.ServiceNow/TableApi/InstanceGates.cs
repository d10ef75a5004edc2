using System.Collections.Concurrent;

namespace AssetBridge.Connectors.ServiceNow.TableApi;

/// <summary>
/// The gates of this process, one per instance (scheme, host, port). The first job to reach an
/// instance sets its concurrency cap; later jobs share that gate whatever their own setting.
/// </summary>
internal sealed class InstanceGates(TimeSpan cooldown, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, InstanceGate> _gates = new(StringComparer.OrdinalIgnoreCase);

    public InstanceGate For(Uri instance, int maxConcurrentRequests) =>
        _gates.GetOrAdd(
            instance.GetLeftPart(UriPartial.Authority),
            static (_, state) => new InstanceGate(state.Cap, state.Cooldown, state.Time),
            (Cap: Math.Max(1, maxConcurrentRequests), Cooldown: cooldown, Time: time));
}
