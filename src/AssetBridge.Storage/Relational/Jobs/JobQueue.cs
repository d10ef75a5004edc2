using System.Data.Common;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Jobs;
using AssetBridge.Storage.Relational.Inventory;
using Dapper;

namespace AssetBridge.Storage.Relational.Jobs;

/// <summary>
/// The job queue in the store's own database. Delivery is at-least-once: a claim stamps a fresh lease
/// token, and every acknowledgement is honoured only while that token is still the job's.
/// </summary>
internal sealed class JobQueue(RelationalDatabase database, JobQueueOptions options) : IJobQueue
{
    private readonly string claimSql = JobSql.Claim(database.Dialect.ClaimLockClause);

    public async Task<IReadOnlyList<long>> EnqueueAsync(IReadOnlyList<NewJob> jobs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var now = database.NowMilliseconds;
        var ids = new List<long>(jobs.Count);
        await using var session = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        foreach (var job in jobs)
        {
            long? id;
            try
            {
                id = await session.Connection.ExecuteScalarAsync<long?>(Command(
                    session,
                    JobSql.Enqueue,
                    new
                    {
                        job.RunId,
                        job.ConnectorId,
                        operation = job.Operation.ToString(),
                        job.Scope,
                        kind = job.Kind is { } kind ? EntityKindNames.Of(kind) : null,
                        job.CredentialId,
                        job.Parameters,
                        job.Target,
                        now,
                    },
                    cancellationToken)).ConfigureAwait(false);
            }
            catch (DbException e) when (database.Dialect.IsForeignKeyViolation(e))
            {
                throw new AssetBridgeException(
                    ErrorKind.NotFound,
                    $"Run {job.RunId} of connector {job.ConnectorId} does not exist; start a run before queueing its jobs.",
                    e);
            }

            // No id: the run already has a job of this scope, and it stays the only one.
            if (id is { } added)
            {
                ids.Add(added);
            }
        }

        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ids;
    }

    public async Task<JobLease?> TryClaimAsync(AgentClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(claim.LeaseDuration, TimeSpan.Zero);
        var now = database.NowMilliseconds;
        await using var session = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);

        // Checkpoint 1: a job whose lease expired after its last allowed claim is given up for good,
        // with the sentence the user reads, before the claim below could hand it out again.
        await session.Connection.ExecuteAsync(Command(
            session,
            JobSql.GiveUpExhausted,
            new { now, maxAttempts = (long)options.MaxAttempts, prefix = JobSql.GiveUpPrefix, suffix = JobSql.GiveUpSuffix },
            cancellationToken)).ConfigureAwait(false);

        // Checkpoint 2: the claim. One statement selects the oldest ready job (or one whose holder's lease
        // expired), bumps its attempt and stamps a new token: from here on the previous holder, if any, is
        // refused everywhere, and chunks are keyed by the new attempt.
        var row = await session.Connection.QuerySingleOrDefaultAsync<JobRow>(Command(
            session,
            claimSql,
            new
            {
                owner = claim.AgentName,
                token = Guid.NewGuid().ToString("D"),
                expires = now + (long)claim.LeaseDuration.TotalMilliseconds,
                now,
                maxAttempts = (long)options.MaxAttempts,
                includeUnassigned = claim.IncludeUnassigned ? 1L : 0L,
            },
            cancellationToken)).ConfigureAwait(false);
        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        return row?.ToLease();
    }

    public Task<bool> RenewAsync(JobLease lease, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var now = database.NowMilliseconds;
        return TransitionAsync(lease, JobSql.Renew, new { expires = now + (long)duration.TotalMilliseconds }, now, cancellationToken);
    }

    // Checkpoint 3: acknowledgement. The outcome is recorded only by the current lease holder, so a job
    // re-claimed after its lease expired cannot be completed by the agent that lost it.
    public Task<bool> CompleteAsync(JobLease lease, JobOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return TransitionAsync(lease, JobSql.Complete, new { outcome = JobOutcomeJson.Write(outcome) }, database.NowMilliseconds, cancellationToken);
    }

    public Task<bool> FailAsync(JobLease lease, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        return TransitionAsync(lease, JobSql.Fail, new { error }, database.NowMilliseconds, cancellationToken);
    }

    public Task<bool> ReleaseAsync(JobLease lease, CancellationToken cancellationToken) =>
        TransitionAsync(lease, JobSql.Release, null, database.NowMilliseconds, cancellationToken);

    public async Task<IReadOnlyList<JobRecord>> ListByRunAsync(long runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<JobRow>(new CommandDefinition(JobSql.ListByRun, new { runId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<IReadOnlyDictionary<JobState, long>> CountByStateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string State, long Count)>(new CommandDefinition(JobSql.CountByState, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var counts = Enum.GetValues<JobState>().ToDictionary(s => s, _ => 0L);
        foreach (var (state, count) in rows)
        {
            counts[JobStateNames.Parse(state)] = count;
        }

        return counts;
    }

    public async Task<IReadOnlyList<JobRecord>> ListUnassignedAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<JobRow>(new CommandDefinition(JobSql.ListUnassigned, new { limit = (long)limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<bool> AssignAsync(long jobId, string agentName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentName);
        return await database.ExecuteAsync(JobSql.Assign, new { id = jobId, agent = agentName, now = database.NowMilliseconds }, cancellationToken).ConfigureAwait(false) == 1;
    }

    public Task SetWaitReasonAsync(long jobId, string? reason, CancellationToken cancellationToken) =>
        database.ExecuteAsync(JobSql.SetWaitReason, new { id = jobId, reason }, cancellationToken);

    public Task<int> RehomeAsync(string agentName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentName);
        return database.ExecuteAsync(JobSql.Rehome, new { agent = agentName, now = UnixTime.ToMilliseconds(now) }, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, int>> CountLoadByAgentAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Agent, long Count)>(new CommandDefinition(JobSql.CountLoad, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Agent, r => checked((int)r.Count), StringComparer.Ordinal);
    }

    public async Task<JobRecord?> GetAsync(long jobId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition(JobSql.Get, new { id = jobId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToRecord();
    }

    private async Task<bool> TransitionAsync(JobLease lease, string sql, object? values, long now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var parameters = new DynamicParameters(values);
        parameters.Add("id", lease.JobId);
        parameters.Add("token", lease.Token.ToString("D"));
        parameters.Add("now", now);
        return await database.ExecuteAsync(sql, parameters, cancellationToken).ConfigureAwait(false) == 1;
    }

    private static CommandDefinition Command(WriteSession session, string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, session.Transaction, cancellationToken: cancellationToken);
}
