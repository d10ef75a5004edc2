using AssetBridge.Core.Runs;

namespace AssetBridge.Core.Application;

/// <summary>Waits for a run to end through the control plane, reporting progress at each poll: the same loop locally and remotely.</summary>
public static class RunWatcher
{
    public static async Task<SyncRun> WaitAsync(IControlPlane plane, long runId, Action<SyncProgress>? progress, TimeSpan pollInterval, TimeProvider time, CancellationToken cancellationToken)
    {
        while (true)
        {
            var status = await plane.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
            progress?.Invoke(new SyncProgress(runId, status.Jobs));
            if (status.Run.State != RunState.Running)
            {
                return status.Run;
            }

            await Task.Delay(pollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
