using System.Threading.Channels;
using AssetBridge.Agent.Runtime;
using AssetBridge.Agent.Transport;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Ingestion;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Operations;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Agent.Execution;

/// <summary>
/// Runs one leased job (the seed's probe): opens the job's credential in memory, resolves the handler
/// in the operation map, streams its pages to the control plane as numbered chunks while the next
/// page downloads, and keeps the lease alive. The credential lives only for the duration of this call.
/// </summary>
public sealed class JobExecutor
{
    private readonly IAgentChannel _channel;
    private readonly OperationMap _operations;
    private readonly ICredentialFactory _credentials;
    private readonly AgentOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public JobExecutor(IAgentChannel channel, OperationMap operations, ICredentialFactory credentials, AgentOptions options, TimeProvider time, ILogger logger)
    {
        _channel = channel;
        _operations = operations;
        _credentials = credentials;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <exception cref="LeaseLostException">The lease was lost while the job ran; the caller must not acknowledge it.</exception>
    public async Task<JobOutcome> ExecuteAsync(JobLease lease, CancellationToken cancellationToken)
    {
        var handler = _operations.Resolve(lease.Ticket.Operation);
        using var leaseScope = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var leaseLost = false;
        void LoseLease()
        {
            leaseLost = true;
            leaseScope.Cancel();
        }

        OpenedCredential? credential = lease.Ticket.CredentialId is null
            ? null
            : await _channel.GetCredentialAsync(lease, cancellationToken).ConfigureAwait(false);

        var pages = Channel.CreateBounded<InventoryBatch>(new BoundedChannelOptions(_options.PagesInFlight)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var heartbeat = KeepLeaseAsync(lease, LoseLease, leaseScope.Token);
        var delivery = DeliverAsync(lease, pages.Reader, LoseLease, () => leaseScope.Cancel(), leaseScope.Token);

        var context = new OperationContext(
            lease.Ticket,
            target => _credentials.Create(credential ?? throw new InvalidOperationException($"Job {lease.JobId} has no credential."), target),
            _time,
            _logger);

        try
        {
            JobOutcome outcome;
            try
            {
                outcome = await handler.ExecuteAsync(context, new ChannelResultWriter(pages.Writer), leaseScope.Token).ConfigureAwait(false);
                pages.Writer.TryComplete();
            }
            catch (Exception error)
            {
                pages.Writer.TryComplete(error);
                throw;
            }

            // Checkpoint: the outcome is reported only after every chunk was delivered and applied.
            await delivery.ConfigureAwait(false);
            return outcome;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            if (leaseLost)
            {
                throw new LeaseLostException(lease.JobId);
            }

            // Delivery failed (the store refused a chunk): that failure, not the cancellation it caused, is the cause.
            if (delivery.Exception?.InnerException is { } deliveryError)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(deliveryError);
            }

            throw;
        }
        finally
        {
            await leaseScope.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(Quietly(heartbeat), Quietly(delivery)).ConfigureAwait(false);
            if (leaseLost && !cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning("Job {JobId}: lease lost; stopped without acknowledging.", lease.JobId);
            }
        }
    }

    private async Task DeliverAsync(JobLease lease, ChannelReader<InventoryBatch> pages, Action loseLease, Action abort, CancellationToken cancellationToken)
    {
        var seq = 0;
        try
        {
            await foreach (var batch in pages.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var chunk = new ResultChunk(lease.JobId, lease.Token, lease.Attempt, seq++, batch);
                if (await _channel.UploadAsync(chunk, cancellationToken).ConfigureAwait(false) == ChunkApplyResult.LeaseLost)
                {
                    loseLease();
                    throw new LeaseLostException(lease.JobId);
                }
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Stop the handler: nobody will read the pages it is still producing.
            abort();
            throw;
        }
    }

    private async Task KeepLeaseAsync(JobLease lease, Action loseLease, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.HeartbeatInterval, _time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await _channel.RenewAsync(lease, cancellationToken).ConfigureAwait(false))
            {
                loseLease();
                return;
            }
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Already observed through the handler's outcome or the lease-lost flag.
        }
    }

    private sealed class ChannelResultWriter(ChannelWriter<InventoryBatch> writer) : IResultWriter
    {
        public ValueTask WriteAsync(InventoryBatch batch, CancellationToken cancellationToken) => writer.WriteAsync(batch, cancellationToken);
    }
}
