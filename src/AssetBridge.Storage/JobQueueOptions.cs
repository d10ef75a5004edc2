using AssetBridge.Core.Errors;

namespace AssetBridge.Storage;

/// <summary>Rules of the job queue that every store applies the same way.</summary>
internal sealed class JobQueueOptions
{
    /// <summary>The default for <see cref="MaxAttempts"/>.</summary>
    public const int DefaultMaxAttempts = 5;

    /// <summary>
    /// How many times a job may be claimed before a lost lease sends it to error instead of back to
    /// the queue. Default 5; at least 1. Each claim after a lost lease re-reads the job's scope from
    /// the start, so a job that kills every agent that takes it must stop being handed out.
    /// </summary>
    public int MaxAttempts { get; init; } = DefaultMaxAttempts;

    public void Validate()
    {
        if (MaxAttempts < 1)
        {
            throw new AssetBridgeException(
                ErrorKind.Configuration,
                $"MaxAttempts is {MaxAttempts}, but a job must be claimable at least once; set it to 1 or more (default {DefaultMaxAttempts}).");
        }
    }
}
