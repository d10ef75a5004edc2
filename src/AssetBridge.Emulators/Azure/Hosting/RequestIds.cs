using AssetBridge.Emulators.Estate;

namespace AssetBridge.Emulators.Azure.Hosting;

/// <summary>Request, trace and token ids: GUIDs from a seeded counter, so a run's ids repeat with its seed.</summary>
internal sealed class RequestIds(int seed)
{
    private readonly EstateDraws draws = new(seed, "request ids");
    private long next;

    public string Next() => draws.Guid(Interlocked.Increment(ref next));
}
