using AssetBridge.Core.Errors;

namespace AssetBridge.Storage.Sqlite;

/// <summary>Settings of the SQLite store. Every value has a default that suits one machine.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>
    /// How many times a job may be claimed before a lost lease sends it to error rather than back to
    /// the queue. Default 5; at least 1.
    /// </summary>
    public int MaxAttempts { get; set; } = JobQueueOptions.DefaultMaxAttempts;

    /// <summary>
    /// How long a statement waits for another process (a CLI command beside the server) to release the
    /// database's write lock before failing. Default 30 seconds; between 1 millisecond and 10 minutes.
    /// Writers inside one process never wait on this: they are serialised before they reach SQLite.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal JobQueueOptions JobQueue => new() { MaxAttempts = MaxAttempts };

    internal void Validate()
    {
        JobQueue.Validate();
        if (BusyTimeout < TimeSpan.FromMilliseconds(1) || BusyTimeout > TimeSpan.FromMinutes(10))
        {
            throw new AssetBridgeException(
                ErrorKind.Configuration,
                $"BusyTimeout is {BusyTimeout}, outside 1 ms to 10 minutes; set it within that range (default 30 seconds).");
        }
    }
}
