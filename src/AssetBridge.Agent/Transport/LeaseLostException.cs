namespace AssetBridge.Agent.Transport;

/// <summary>The agent no longer holds the job's lease (it expired and was re-claimed, or the job ended).</summary>
public sealed class LeaseLostException : Exception
{
    public LeaseLostException(long jobId)
        : base($"The lease on job {jobId} was lost; another agent may be running it.")
    {
        JobId = jobId;
    }

    public long JobId { get; }
}
