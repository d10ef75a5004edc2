using AssetBridge.Core.Jobs;

namespace AssetBridge.Storage.Relational.Jobs;

/// <summary>How job states are spelled in the jobs table (the ECC queue's words).</summary>
internal static class JobStateNames
{
    public const string Ready = "ready";
    public const string Processing = "processing";
    public const string Processed = "processed";
    public const string Error = "error";

    public static JobState Parse(string text) => text switch
    {
        Ready => JobState.Ready,
        Processing => JobState.Processing,
        Processed => JobState.Processed,
        Error => JobState.Error,
        _ => throw new InvalidDataException($"Unknown job state '{text}' in the jobs table."),
    };
}
