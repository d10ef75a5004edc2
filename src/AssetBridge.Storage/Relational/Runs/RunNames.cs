using AssetBridge.Core.Runs;

namespace AssetBridge.Storage.Relational.Runs;

/// <summary>How run states and modes are spelled in the runs table.</summary>
internal static class RunNames
{
    public const string Running = "running";

    public static string Of(RunState state) => state switch
    {
        RunState.Running => Running,
        RunState.Completed => "completed",
        RunState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown run state."),
    };

    public static RunState ParseState(string text) => text switch
    {
        Running => RunState.Running,
        "completed" => RunState.Completed,
        "failed" => RunState.Failed,
        _ => throw new InvalidDataException($"Unknown run state '{text}' in the runs table."),
    };

    public static string Of(SyncMode mode) => mode switch
    {
        SyncMode.Incremental => "incremental",
        SyncMode.Full => "full",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown sync mode."),
    };

    public static SyncMode ParseMode(string text) => text switch
    {
        "incremental" => SyncMode.Incremental,
        "full" => SyncMode.Full,
        _ => throw new InvalidDataException($"Unknown sync mode '{text}' in the runs table."),
    };
}
