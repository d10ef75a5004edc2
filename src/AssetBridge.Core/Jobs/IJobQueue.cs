namespace AssetBridge.Core.Jobs;

/// <summary>
/// The durable job queue (the ECC queue's output side). Claims are single statements that stamp a new
/// lease token; every later transition is honoured only while that token still matches, so a job
/// whose lease expired and was re-claimed cannot be acknowledged by its former holder.
/// </summary>
public interface IJobQueue
{
    /// <summary>
    /// Adds jobs in one transaction. A job whose <c>(run, scope)</c> already exists is skipped, so
    /// follow-up planning that two replicas race to do adds each job once. Returns the new jobs' ids.
    /// </summary>
    Task<IReadOnlyList<long>> EnqueueAsync(IReadOnlyList<NewJob> jobs, CancellationToken cancellationToken);

    /// <summary>Claims the oldest ready job, or a processing job whose lease has expired. Null when none.</summary>
    Task<JobLease?> TryClaimAsync(AgentClaim claim, CancellationToken cancellationToken);

    /// <summary>Extends a lease (heartbeat). False when the lease is no longer current: stop working on the job.</summary>
    Task<bool> RenewAsync(JobLease lease, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Marks the job processed with its outcome, only while the lease is current.</summary>
    Task<bool> CompleteAsync(JobLease lease, JobOutcome outcome, CancellationToken cancellationToken);

    /// <summary>Marks the job failed for good with the user-facing error text, only while the lease is current.</summary>
    Task<bool> FailAsync(JobLease lease, string error, CancellationToken cancellationToken);

    /// <summary>Hands the job back to the queue (drain, shutdown), only while the lease is current.</summary>
    Task<bool> ReleaseAsync(JobLease lease, CancellationToken cancellationToken);

    Task<IReadOnlyList<JobRecord>> ListByRunAsync(long runId, CancellationToken cancellationToken);

    /// <summary>Job counts by state, for status and metrics.</summary>
    Task<IReadOnlyDictionary<JobState, long>> CountByStateAsync(CancellationToken cancellationToken);

    /// <summary>Ready jobs no agent has been selected for, oldest first.</summary>
    Task<IReadOnlyList<JobRecord>> ListUnassignedAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Queues a ready, unassigned job for an agent and clears its wait reason; false when it was assigned or claimed meanwhile.</summary>
    Task<bool> AssignAsync(long jobId, string agentName, CancellationToken cancellationToken);

    /// <summary>Records why a ready, unassigned job is waiting (null clears it).</summary>
    Task SetWaitReasonAsync(long jobId, string? reason, CancellationToken cancellationToken);

    /// <summary>
    /// Re-homes an agent's jobs: its ready and processing jobs go back to ready and unassigned, with
    /// their lease revoked so the former holder can no longer acknowledge or upload. Returns how many.
    /// </summary>
    Task<int> RehomeAsync(string agentName, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Ready and processing jobs per assigned agent: the load the selector balances.</summary>
    Task<IReadOnlyDictionary<string, int>> CountLoadByAgentAsync(CancellationToken cancellationToken);

    /// <summary>The job, or null.</summary>
    Task<JobRecord?> GetAsync(long jobId, CancellationToken cancellationToken);
}
