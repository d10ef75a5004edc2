namespace AssetBridge.Server.Agents;

/// <summary>
/// Tells the dispatcher there may be new jobs to place. Whatever enqueues jobs in this process (the sync
/// service path, the scheduler) calls <see cref="Pulse"/> after enqueueing; jobs enqueued by another
/// replica are found within <see cref="AgentPlaneOptions.DispatchInterval"/> anyway.
/// </summary>
public sealed class DispatchSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Pulse()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already pending: one pass covers every pulse since the last one.
        }
    }

    /// <summary>Returns when pulsed or after <paramref name="timeout"/>; a pulse is consumed by exactly one wait.</summary>
    internal Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);
}

/// <summary>Wakes held claims (and the embedded agent) when the dispatcher has assigned jobs.</summary>
internal sealed class ClaimSignal
{
    public AsyncPulse Assigned { get; } = new();
}
