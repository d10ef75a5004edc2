namespace AssetBridge.Core.Runs;

/// <summary>Stores sync runs.</summary>
public interface IRunStore
{
    /// <summary>Starts a run. A connector with a run still in state Running is a conflict.</summary>
    Task<SyncRun> CreateAsync(long connectorId, SyncMode mode, DateTimeOffset startedAt, CancellationToken cancellationToken);

    Task<SyncRun?> GetAsync(long runId, CancellationToken cancellationToken);

    /// <summary>Runs newest first, optionally for one connector.</summary>
    Task<IReadOnlyList<SyncRun>> ListAsync(long? connectorId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Ends a run once: only a run still Running moves to <paramref name="state"/>. False when
    /// another finisher got there first.
    /// </summary>
    Task<bool> FinishAsync(long runId, RunState state, RunCounts counts, string? error, DateTimeOffset finishedAt, CancellationToken cancellationToken);
}
