namespace AssetBridge.Core.Jobs;

/// <summary>
/// A claimed job. Every later call about the job (heartbeat, result chunk, acknowledgement) carries
/// the lease token, and the store honours it only while that token is still the job's current one.
/// </summary>
public sealed record JobLease(JobTicket Ticket, int Attempt, Guid Token, string Owner, DateTimeOffset ExpiresAt)
{
    public long JobId => Ticket.JobId;
}
