namespace AssetBridge.Storage.PostgreSql;

/// <summary>Settings of the PostgreSQL store; pool size and timeouts are set in the connection string.</summary>
public sealed class PostgresStoreOptions
{
    /// <summary>
    /// How many times a job may be claimed before a lost lease sends it to error rather than back to
    /// the queue. Default 5; at least 1.
    /// </summary>
    public int MaxAttempts { get; set; } = JobQueueOptions.DefaultMaxAttempts;

    internal JobQueueOptions JobQueue => new() { MaxAttempts = MaxAttempts };

    internal void Validate() => JobQueue.Validate();
}
