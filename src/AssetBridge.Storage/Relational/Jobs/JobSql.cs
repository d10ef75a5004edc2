namespace AssetBridge.Storage.Relational.Jobs;

/// <summary>The job queue's SQL, portable between SQLite and PostgreSQL.</summary>
internal static class JobSql
{
    /// <summary>
    /// Adds a job unless its run already has one of the same scope (the unique index jobs_run_scope);
    /// then nothing is inserted and no id returned. On PostgreSQL a second inserter of the same scope
    /// waits for the first one's transaction and then skips, so racing replicas add the job once.
    /// </summary>
    public const string Enqueue = """
        INSERT INTO jobs (run_id, connector_id, operation, scope, kind, credential_id, parameters, target, state,
                          attempts, lease_owner, lease_token, lease_expires_at, records_applied, outcome_json, error,
                          created_at, updated_at)
        VALUES (@RunId, @ConnectorId, @operation, @Scope, @kind, @CredentialId, @Parameters, @Target, 'ready',
                0, NULL, NULL, NULL, 0, NULL, NULL, @now, @now)
        ON CONFLICT (run_id, scope) WHERE legacy_duplicate = 0 DO NOTHING
        RETURNING id
        """;

    /// <summary>
    /// Jobs whose lease expired after their last allowed claim stop here instead of going round again.
    /// The sentence is assembled in SQL so each job names its own claim count.
    /// </summary>
    public const string GiveUpExhausted = """
        UPDATE jobs
        SET state = 'error', error = @prefix || CAST(attempts AS TEXT) || @suffix,
            lease_token = NULL, lease_expires_at = NULL, updated_at = @now
        WHERE state = 'processing' AND lease_expires_at < @now AND attempts >= @maxAttempts
        """;

    public const string GiveUpPrefix = "The job was claimed ";

    public const string GiveUpSuffix = " times and every agent lost its lease; check the agents' logs, then run the sync again.";

    /// <summary>The claim: one statement picks the oldest claimable job and stamps a new lease on it.</summary>
    public static string Claim(string lockClause) => $"""
        UPDATE jobs
        SET state = 'processing', lease_owner = @owner, lease_token = @token, lease_expires_at = @expires,
            attempts = attempts + 1, records_applied = 0, updated_at = @now, assigned_agent = @owner, wait_reason = NULL
        WHERE id = (
            SELECT id FROM jobs
            WHERE (assigned_agent = @owner OR (@includeUnassigned = 1 AND (assigned_agent IS NULL OR state = 'processing')))
              AND (state = 'ready'
                   OR (state = 'processing' AND lease_expires_at < @now AND attempts < @maxAttempts))
            ORDER BY id
            LIMIT 1 {lockClause})
        RETURNING {JobRow.Columns}
        """;

    /// <summary>Every transition after the claim is guarded by this: the caller's token is still the job's current one.</summary>
    private const string LeaseIsCurrent = "WHERE id = @id AND lease_token = @token AND state = 'processing'";

    public const string Renew = "UPDATE jobs SET lease_expires_at = @expires, updated_at = @now " + LeaseIsCurrent;

    public const string Complete = """
        UPDATE jobs
        SET state = 'processed', outcome_json = @outcome, lease_token = NULL, lease_expires_at = NULL, updated_at = @now
        """ + " " + LeaseIsCurrent;

    public const string Fail = """
        UPDATE jobs
        SET state = 'error', error = @error, lease_token = NULL, lease_expires_at = NULL, updated_at = @now
        """ + " " + LeaseIsCurrent;

    /// <summary>A released job goes back unassigned, so the selector can choose another agent for it.</summary>
    public const string Release = """
        UPDATE jobs
        SET state = 'ready', lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL, assigned_agent = NULL, updated_at = @now
        """ + " " + LeaseIsCurrent;

    public const string ListUnassigned = "SELECT " + JobRow.Columns + " FROM jobs WHERE state = 'ready' AND assigned_agent IS NULL ORDER BY id LIMIT @limit";

    public const string Assign = """
        UPDATE jobs SET assigned_agent = @agent, wait_reason = NULL, updated_at = @now
        WHERE id = @id AND state = 'ready' AND assigned_agent IS NULL
        """;

    public const string SetWaitReason = """
        UPDATE jobs SET wait_reason = @reason
        WHERE id = @id AND state = 'ready' AND assigned_agent IS NULL
        """;

    /// <summary>Re-homing revokes the lease: the former holder's token no longer matches anything.</summary>
    public const string Rehome = """
        UPDATE jobs
        SET state = 'ready', assigned_agent = NULL, lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL, updated_at = @now
        WHERE assigned_agent = @agent AND state IN ('ready', 'processing')
        """;

    public const string CountLoad = """
        SELECT assigned_agent, COUNT(*) FROM jobs
        WHERE assigned_agent IS NOT NULL AND state IN ('ready', 'processing')
        GROUP BY assigned_agent
        """;

    public const string Get = "SELECT " + JobRow.Columns + " FROM jobs WHERE id = @id";

    public const string ListByRun = "SELECT " + JobRow.Columns + " FROM jobs WHERE run_id = @runId ORDER BY id";

    public const string CountByState = "SELECT state, COUNT(*) FROM jobs GROUP BY state";
}
