using System.Globalization;
using System.Net;
using AssetBridge.Agent.Protocol;
using AssetBridge.Agent.Transport;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Ingestion;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Sealing;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Agent.Remote;

/// <summary>
/// A remote agent's channel: the same calls as the embedded one, over HTTPS. Claims are long polls.
/// While the server is away, claims back off (exponentially, with jitter) and report no work; uploads
/// and acknowledgements keep retrying for <see cref="RemoteAgentOptions.DeliveryPatience"/>.
/// </summary>
internal sealed class HttpAgentChannel : IAgentChannel
{
    private readonly AgentHttpClient _client;
    private readonly RemoteAgentOptions _options;
    private readonly Backoff _backoff;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public HttpAgentChannel(AgentHttpClient client, RemoteAgentOptions options, Backoff backoff, TimeProvider time, ILogger logger)
    {
        _client = client;
        _options = options;
        _backoff = backoff;
        _time = time;
        _logger = logger;
    }

    public async Task<JobLease?> ClaimAsync(CancellationToken cancellationToken)
    {
        var path = AgentRoutes.Claim + "?waitSeconds=" + ((int)_options.ClaimWait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        try
        {
            var lease = await _client.PostAsync<JobLease>(path, new { }, authenticated: true, cancellationToken).ConfigureAwait(false);
            Reconnected();
            return lease;
        }
        catch (AssetBridgeException error) when (error.IsRetryable)
        {
            await WaitAfterFailureAsync(error, cancellationToken).ConfigureAwait(false);
            return null;
        }
    }

    public async Task<bool> RenewAsync(JobLease lease, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.PostAsync<LeaseResponse>(AgentRoutes.Job(lease.JobId, "renew"), new LeaseRequest(lease.Token), authenticated: true, cancellationToken).ConfigureAwait(false);
            return response?.Current ?? false;
        }
        catch (AssetBridgeException error) when (error.IsRetryable)
        {
            // The server is away: keep working; the next upload learns whether the lease survived.
            _logger.LogWarning("Job {JobId}: could not renew the lease: {Error}", lease.JobId, error.Message);
            return true;
        }
    }

    public async Task<OpenedCredential> GetCredentialAsync(JobLease lease, CancellationToken cancellationToken)
    {
        SealedCredential? sealedCredential;
        try
        {
            sealedCredential = await WithPatienceAsync(
                ct => _client.PostAsync<SealedCredential>(AgentRoutes.Job(lease.JobId, "credential"), new LeaseRequest(lease.Token), authenticated: true, ct),
                cancellationToken).ConfigureAwait(false);
        }
        catch (AgentRequestException error) when (error.Status == HttpStatusCode.Forbidden)
        {
            throw new LeaseLostException(lease.JobId);
        }

        var identity = _client.Identity!;
        return CredentialSeal.Open(
            sealedCredential ?? throw new AssetBridgeException(ErrorKind.BadResponse, "The server sent no credential; upgrade the agent to the server's version."),
            identity.Sealing,
            lease.JobId,
            identity.Name,
            identity.Settings.KeyVersion);
    }

    public async Task<ChunkApplyResult> UploadAsync(ResultChunk chunk, CancellationToken cancellationToken)
    {
        var response = await WithPatienceAsync(
            ct => _client.PostAsync<ChunkResponse>(AgentRoutes.Job(chunk.JobId, "chunks"), chunk, authenticated: true, ct),
            cancellationToken).ConfigureAwait(false);
        return response?.Result ?? ChunkApplyResult.LeaseLost;
    }

    public Task<bool> CompleteAsync(JobLease lease, JobOutcome outcome, CancellationToken cancellationToken) =>
        EndAsync(lease, "complete", new CompleteRequest(lease.Token, outcome), cancellationToken);

    public Task<bool> FailAsync(JobLease lease, string error, CancellationToken cancellationToken) =>
        EndAsync(lease, "fail", new FailRequest(lease.Token, error), cancellationToken);

    public Task<bool> ReleaseAsync(JobLease lease, CancellationToken cancellationToken) =>
        EndAsync(lease, "release", new LeaseRequest(lease.Token), cancellationToken);

    private async Task<bool> EndAsync(JobLease lease, string action, object body, CancellationToken cancellationToken)
    {
        try
        {
            var response = await WithPatienceAsync(
                ct => _client.PostAsync<LeaseResponse>(AgentRoutes.Job(lease.JobId, action), body, authenticated: true, ct),
                cancellationToken).ConfigureAwait(false);
            return response?.Current ?? false;
        }
        catch (AssetBridgeException error)
        {
            // The job's lease expires on the server and the job goes to another agent; nothing is lost.
            _logger.LogWarning("Job {JobId}: could not {Action} it: {Error}", lease.JobId, action, error.Message);
            return false;
        }
    }

    /// <summary>Retries a call while the server is away, for at most <see cref="RemoteAgentOptions.DeliveryPatience"/>.</summary>
    private async Task<T?> WithPatienceAsync<T>(Func<CancellationToken, Task<T?>> call, CancellationToken cancellationToken)
        where T : class
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            try
            {
                var result = await call(cancellationToken).ConfigureAwait(false);
                Reconnected();
                return result;
            }
            catch (AssetBridgeException error) when (error.IsRetryable && _time.GetElapsedTime(started) < _options.DeliveryPatience)
            {
                await WaitAfterFailureAsync(error, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WaitAfterFailureAsync(AssetBridgeException error, CancellationToken cancellationToken)
    {
        var (delay, first) = _backoff.Fail();
        if (first)
        {
            _logger.LogWarning("{Error} Retrying with backoff.", error.Message);
        }

        try
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void Reconnected()
    {
        if (_backoff.Succeed())
        {
            _logger.LogInformation("Reconnected to the server.");
        }
    }
}
