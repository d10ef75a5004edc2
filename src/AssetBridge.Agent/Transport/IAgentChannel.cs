using AssetBridge.Core.Credentials;
using AssetBridge.Core.Ingestion;
using AssetBridge.Core.Jobs;

namespace AssetBridge.Agent.Transport;

/// <summary>
/// Everything an agent says to the control plane. The embedded agent talks to the store in its own
/// process; a remote agent says the same things over HTTPS. Every call after the claim carries the
/// lease, and the control plane honours it only while the lease is current.
/// </summary>
public interface IAgentChannel
{
    /// <summary>Claims the next job for this agent, or null when there is none.</summary>
    Task<JobLease?> ClaimAsync(CancellationToken cancellationToken);

    /// <summary>Heartbeat. False means the lease is gone: stop working on the job.</summary>
    Task<bool> RenewAsync(JobLease lease, CancellationToken cancellationToken);

    /// <summary>The job's credential, opened for this agent only while it holds the job's lease.</summary>
    Task<OpenedCredential> GetCredentialAsync(JobLease lease, CancellationToken cancellationToken);

    Task<ChunkApplyResult> UploadAsync(ResultChunk chunk, CancellationToken cancellationToken);

    Task<bool> CompleteAsync(JobLease lease, JobOutcome outcome, CancellationToken cancellationToken);

    Task<bool> FailAsync(JobLease lease, string error, CancellationToken cancellationToken);

    /// <summary>Hands an unfinished job back to the queue (shutdown, drain).</summary>
    Task<bool> ReleaseAsync(JobLease lease, CancellationToken cancellationToken);
}
