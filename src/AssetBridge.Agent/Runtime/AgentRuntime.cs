using AssetBridge.Agent.Execution;
using AssetBridge.Agent.Transport;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Jobs;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Agent.Runtime;

/// <summary>
/// The agent loop: claim, execute, acknowledge — in as many slots as <see cref="AgentOptions.Concurrency"/>.
/// The same loop runs embedded (in-process channel) and remote (HTTPS channel).
/// </summary>
public sealed class AgentRuntime
{
    private readonly IAgentChannel _channel;
    private readonly JobExecutor _executor;
    private readonly AgentOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);

    public AgentRuntime(IAgentChannel channel, JobExecutor executor, AgentOptions options, TimeProvider time, ILogger logger)
    {
        options.Validate();
        _channel = channel;
        _executor = executor;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Tells idle workers there is new work, so they claim it now rather than at their next poll.</summary>
    public void Wake() => _wake.Release(_options.Concurrency);

    /// <summary>Runs until cancelled; a job being worked on when cancelled is handed back to the queue.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => RunAsync(cancellationToken, cancellationToken);

    /// <summary>
    /// Runs until <paramref name="stopClaiming"/> fires, then lets the jobs in hand finish (a drain) until
    /// <paramref name="abortJobs"/> fires, which hands the unfinished ones back to the queue.
    /// </summary>
    public Task RunAsync(CancellationToken stopClaiming, CancellationToken abortJobs) =>
        Task.WhenAll(Enumerable.Range(0, _options.Concurrency).Select(_ => WorkAsync(stopClaiming, abortJobs)));

    private async Task WorkAsync(CancellationToken stopClaiming, CancellationToken cancellationToken)
    {
        while (!stopClaiming.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            JobLease? lease;
            try
            {
                lease = await _channel.ClaimAsync(stopClaiming).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopClaiming.IsCancellationRequested)
            {
                return;
            }

            if (lease is null)
            {
                try
                {
                    await _wake.WaitAsync(_options.IdlePollInterval, stopClaiming).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            await RunJobAsync(lease, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunJobAsync(JobLease lease, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        _logger.LogInformation("Job {JobId} {Operation} ({Scope}) claimed, attempt {Attempt}.", lease.JobId, lease.Ticket.Operation, lease.Ticket.Scope, lease.Attempt);
        try
        {
            var outcome = await _executor.ExecuteAsync(lease, cancellationToken).ConfigureAwait(false);
            await _channel.CompleteAsync(lease, outcome, CancellationToken.None).ConfigureAwait(false);
            _logger.LogInformation("Job {JobId} processed: {Records} records in {Elapsed}.", lease.JobId, outcome.Records, _time.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Checkpoint: shutting down mid-job hands the job back instead of leaving it to lease expiry.
            await _channel.ReleaseAsync(lease, CancellationToken.None).ConfigureAwait(false);
        }
        catch (LeaseLostException)
        {
            // Another holder owns the job now; acknowledging would be refused anyway.
        }
        catch (AssetBridgeException error)
        {
            _logger.LogWarning("Job {JobId} failed: {Error}", lease.JobId, error.Message);
            await _channel.FailAsync(lease, error.Message, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            _logger.LogError(error, "Job {JobId} failed unexpectedly.", lease.JobId);
            await _channel.FailAsync(lease, $"Unexpected {error.GetType().Name}: {error.Message} — see the log, and report it if it repeats.", CancellationToken.None).ConfigureAwait(false);
        }
    }
}
