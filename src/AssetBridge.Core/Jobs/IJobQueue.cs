namespace AssetBridge.Core.Jobs;

/// <summary>
/// The durable job queue (the ECC queue's output side). Claims are single statements that stamp a new
/// lease token; every later transition is honoured only while that token still matches, so a job
/// whose lease expired and was re-claimed cannot be acknowledged by its former holder.
/// </summary>
public interface IJobQueue
{
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
}
