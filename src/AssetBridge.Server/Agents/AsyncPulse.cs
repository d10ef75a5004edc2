namespace AssetBridge.Server.Agents;

/// <summary>Wakes every waiter at once; a waiter that was not waiting when it fired relies on its timeout.</summary>
internal sealed class AsyncPulse
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Pulse() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Returns when pulsed or after <paramref name="timeout"/>; throws only when cancelled.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            await Volatile.Read(ref _next).Task.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
    }
}
