using System.Globalization;
using AssetBridge.Agent.Protocol;
using AssetBridge.Core.Agents;
using AssetBridge.Core.Application;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Ingestion;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Sealing;
using AssetBridge.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Server.Agents;

/// <summary>
/// The job side of the agent protocol: long-poll claims, lease renewal, sealed credentials, result
/// chunks and acknowledgements. Every call after the claim names the lease token; the store honours it
/// only while it is the job's current one, and only for the agent that holds the job.
/// </summary>
internal sealed class AgentJobEndpoints
{
    private readonly IStore _store;
    private readonly ICredentialVault _vault;
    private readonly RunFinalizer _finalizer;
    private readonly ClaimSignal _claims;
    private readonly AgentPlaneOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public AgentJobEndpoints(IStore store, ICredentialVault vault, RunFinalizer finalizer, ClaimSignal claims, AgentPlaneOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        _store = store;
        _vault = vault;
        _finalizer = finalizer;
        _claims = claims;
        _options = options;
        _time = time;
        _logger = loggers.CreateLogger<AgentJobEndpoints>();
    }

    /// <summary>
    /// Long poll: returns a lease as soon as a job is assigned to this agent (woken by the dispatcher in
    /// this process, or by a database re-check for another replica's assignments), or 204 after the wait.
    /// Paused, Draining and unapproved agents get nothing.
    /// </summary>
    public async Task<IResult> ClaimAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        var agent = AgentSessionFilter.Agent(http);
        var wait = TimeSpan.FromSeconds(Math.Clamp(WaitSeconds(http), 0, AgentRoutes.MaxClaimWaitSeconds));
        var deadline = _time.GetTimestamp();
        var claim = new AgentClaim(agent.Name, _options.LeaseDuration, IncludeUnassigned: false);
        while (true)
        {
            var current = await _store.Agents.GetAsync(agent.Id, ct).ConfigureAwait(false);
            if (current is { Approved: true, Mode: AgentMode.Active }
                && await _store.Jobs.TryClaimAsync(claim, ct).ConfigureAwait(false) is { } lease)
            {
                return Results.Json(lease, AgentJson.Options);
            }

            var left = wait - _time.GetElapsedTime(deadline);
            if (current is null || left <= TimeSpan.Zero)
            {
                return Results.NoContent();
            }

            try
            {
                await _claims.Assigned.WaitAsync(left < _options.ClaimRecheckInterval ? left : _options.ClaimRecheckInterval, _time, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return Results.NoContent();
            }
        }
    }

    public async Task<IResult> RenewAsync(HttpContext http, long jobId)
    {
        var request = await AgentIdentityEndpoints.ReadAsync<LeaseRequest>(http).ConfigureAwait(false);
        var lease = await HeldLeaseAsync(http, jobId, request.Token).ConfigureAwait(false);
        var current = lease is not null && await _store.Jobs.RenewAsync(lease, _options.LeaseDuration, http.RequestAborted).ConfigureAwait(false);
        return Results.Json(new LeaseResponse(current), AgentJson.Options);
    }

    /// <summary>
    /// Checkpoint: the secret leaves the server only for the agent holding the job's current lease, sealed
    /// to that agent's key for that job. Any other request is refused with 403 and logged (no secret).
    /// </summary>
    public async Task<IResult> CredentialAsync(HttpContext http, long jobId)
    {
        var ct = http.RequestAborted;
        var agent = AgentSessionFilter.Agent(http);
        var request = await AgentIdentityEndpoints.ReadAsync<LeaseRequest>(http).ConfigureAwait(false);
        var lease = await HeldLeaseAsync(http, jobId, request.Token).ConfigureAwait(false);
        if (lease is null || !agent.Approved || !await _store.Jobs.RenewAsync(lease, _options.LeaseDuration, ct).ConfigureAwait(false))
        {
            _logger.LogWarning("Agent {Agent} asked for the credential of job {JobId}, which is not leased to it now; refused.", agent.Name, jobId);
            return AgentProblems.Forbidden(string.Create(CultureInfo.InvariantCulture, $"Job {jobId} is not leased to agent '{agent.Name}' now, so its credential is not released; the request was logged."));
        }

        var job = await _store.Jobs.GetAsync(jobId, ct).ConfigureAwait(false);
        var connector = job is null ? null : await _store.Connectors.GetAsync(job.ConnectorId, ct).ConfigureAwait(false);
        if (connector is null)
        {
            return AgentProblems.Conflict(string.Create(CultureInfo.InvariantCulture, $"Job {jobId}'s connector was removed; the job cannot run."));
        }

        var credential = await _vault.OpenAsync(connector.CredentialId, ct).ConfigureAwait(false);
        var sealedCredential = CredentialSeal.Seal(credential, agent.SealingKey, jobId, agent.Name, agent.KeyVersion);
        _logger.LogInformation("Credential {Credential} for job {JobId} sealed to agent {Agent} (key version {Version}).", credential.Info.Name, jobId, agent.Name, agent.KeyVersion);
        return Results.Json(sealedCredential, AgentJson.Options);
    }

    public async Task<IResult> UploadAsync(HttpContext http, long jobId)
    {
        var chunk = await AgentIdentityEndpoints.ReadAsync<ResultChunk>(http).ConfigureAwait(false);
        if (chunk.JobId != jobId)
        {
            return AgentProblems.BadRequest("The chunk names another job than the route; send it to its own job's route.");
        }

        var lease = await HeldLeaseAsync(http, jobId, chunk.LeaseToken).ConfigureAwait(false);
        var result = lease is null
            ? ChunkApplyResult.LeaseLost
            : await _store.Inventory.ApplyChunkAsync(chunk, http.RequestAborted).ConfigureAwait(false);
        return Results.Json(new ChunkResponse(result), AgentJson.Options);
    }

    public async Task<IResult> CompleteAsync(HttpContext http, long jobId)
    {
        var request = await AgentIdentityEndpoints.ReadAsync<CompleteRequest>(http).ConfigureAwait(false);
        return await EndAsync(http, jobId, request.Token, (lease, ct) => _store.Jobs.CompleteAsync(lease, request.Outcome, ct)).ConfigureAwait(false);
    }

    public async Task<IResult> FailAsync(HttpContext http, long jobId)
    {
        var request = await AgentIdentityEndpoints.ReadAsync<FailRequest>(http).ConfigureAwait(false);
        var error = request.Error.Length > 2000 ? request.Error[..2000] : request.Error;
        return await EndAsync(http, jobId, request.Token, (lease, ct) => _store.Jobs.FailAsync(lease, error, ct)).ConfigureAwait(false);
    }

    public async Task<IResult> ReleaseAsync(HttpContext http, long jobId)
    {
        var request = await AgentIdentityEndpoints.ReadAsync<LeaseRequest>(http).ConfigureAwait(false);
        var lease = await HeldLeaseAsync(http, jobId, request.Token).ConfigureAwait(false);
        var current = lease is not null && await _store.Jobs.ReleaseAsync(lease, http.RequestAborted).ConfigureAwait(false);
        return Results.Json(new LeaseResponse(current), AgentJson.Options);
    }

    private async Task<IResult> EndAsync(HttpContext http, long jobId, Guid token, Func<JobLease, CancellationToken, Task<bool>> end)
    {
        var lease = await HeldLeaseAsync(http, jobId, token).ConfigureAwait(false);
        var current = lease is not null && await end(lease, http.RequestAborted).ConfigureAwait(false);
        if (lease is not null)
        {
            await _finalizer.TryFinalizeAsync(lease.Ticket.RunId, http.RequestAborted).ConfigureAwait(false);
        }

        return Results.Json(new LeaseResponse(current), AgentJson.Options);
    }

    /// <summary>
    /// The lease the caller names, when the job is processing under this agent's name; the store then
    /// checks the token itself on every transition, so a stale or guessed token changes nothing.
    /// </summary>
    private async Task<JobLease?> HeldLeaseAsync(HttpContext http, long jobId, Guid token)
    {
        var agent = AgentSessionFilter.Agent(http);
        var job = await _store.Jobs.GetAsync(jobId, http.RequestAborted).ConfigureAwait(false);
        if (job is null || job.State != JobState.Processing || !string.Equals(job.LeaseOwner, agent.Name, StringComparison.Ordinal))
        {
            return null;
        }

        var ticket = new JobTicket(job.Id, job.RunId, job.ConnectorId, job.Operation, job.Scope, null, "{}", job.Target);
        return new JobLease(ticket, job.Attempts, token, agent.Name, job.LeaseExpiresAt ?? _time.GetUtcNow());
    }

    private static int WaitSeconds(HttpContext http) =>
        int.TryParse(http.Request.Query["waitSeconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;
}
