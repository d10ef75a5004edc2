using AssetBridge.Core.Application;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Ingestion;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Storage;

namespace AssetBridge.Agent.Transport;

/// <summary>
/// The embedded agent's channel: the same claim / lease / chunk / acknowledge calls as a remote agent,
/// answered by the store in this process. Ending a job finalizes its run when it was the last one.
/// </summary>
public sealed class InProcessAgentChannel : IAgentChannel
{
    private readonly IStore _store;
    private readonly ICredentialVault _vault;
    private readonly RunFinalizer _finalizer;
    private readonly AgentClaim _claim;

    public InProcessAgentChannel(IStore store, ICredentialVault vault, RunFinalizer finalizer, AgentClaim claim)
    {
        _store = store;
        _vault = vault;
        _finalizer = finalizer;
        _claim = claim;
    }

    public Task<JobLease?> ClaimAsync(CancellationToken cancellationToken) => _store.Jobs.TryClaimAsync(_claim, cancellationToken);

    public Task<bool> RenewAsync(JobLease lease, CancellationToken cancellationToken) =>
        _store.Jobs.RenewAsync(lease, _claim.LeaseDuration, cancellationToken);

    public async Task<OpenedCredential> GetCredentialAsync(JobLease lease, CancellationToken cancellationToken)
    {
        var credentialId = lease.Ticket.CredentialId
            ?? throw new AssetBridgeException(ErrorKind.Configuration, $"Job {lease.JobId} names no credential; remove and re-add its connector.");

        // Checkpoint: a credential is opened only for the holder of a current lease on a job naming it.
        if (!await _store.Jobs.RenewAsync(lease, _claim.LeaseDuration, cancellationToken).ConfigureAwait(false))
        {
            throw new LeaseLostException(lease.JobId);
        }

        return await _vault.OpenAsync(credentialId, cancellationToken).ConfigureAwait(false);
    }

    public Task<ChunkApplyResult> UploadAsync(ResultChunk chunk, CancellationToken cancellationToken) =>
        _store.Inventory.ApplyChunkAsync(chunk, cancellationToken);

    public async Task<bool> CompleteAsync(JobLease lease, JobOutcome outcome, CancellationToken cancellationToken)
    {
        var done = await _store.Jobs.CompleteAsync(lease, outcome, cancellationToken).ConfigureAwait(false);
        await _finalizer.TryFinalizeAsync(lease.Ticket.RunId, cancellationToken).ConfigureAwait(false);
        return done;
    }

    public async Task<bool> FailAsync(JobLease lease, string error, CancellationToken cancellationToken)
    {
        var done = await _store.Jobs.FailAsync(lease, error, cancellationToken).ConfigureAwait(false);
        await _finalizer.TryFinalizeAsync(lease.Ticket.RunId, cancellationToken).ConfigureAwait(false);
        return done;
    }

    public Task<bool> ReleaseAsync(JobLease lease, CancellationToken cancellationToken) =>
        _store.Jobs.ReleaseAsync(lease, cancellationToken);
}
