using System.Globalization;
using AssetBridge.Core.Runs;

namespace AssetBridge.Cli.Output;

/// <summary>The lines printed after a sync: outcome, duration, counts, and each failure's sentence.</summary>
internal static class RunSummary
{
    public static async Task WriteAsync(CliConsole console, SyncRun run)
    {
        var duration = run.FinishedAt is { } end ? (end - run.StartedAt).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "-";
        var mode = run.Mode.ToString().ToLowerInvariant();
        var outcome = run.State == RunState.Completed ? "completed" : "FAILED";
        var o = console.Out;
        await o.WriteLineAsync($"Run {run.Id} of '{run.ConnectorName}' ({mode}) {outcome} in {duration}.").ConfigureAwait(false);
        await o.WriteLineAsync(Line("devices", run.Counts.Devices)).ConfigureAwait(false);
        await o.WriteLineAsync(Line("network adapters", run.Counts.NetworkAdapters)).ConfigureAwait(false);
        await o.WriteLineAsync(Line("business applications", run.Counts.BusinessApplications)).ConfigureAwait(false);
        await o.WriteLineAsync(Line("relationships", run.Counts.Relationships)).ConfigureAwait(false);
        await o.WriteLineAsync(Line("marked deleted", run.Counts.MarkedDeleted)).ConfigureAwait(false);
        if (run.Counts.Hidden > 0)
        {
            await o.WriteLineAsync(Line("hidden by ACLs", run.Counts.Hidden) + "  (counted by ServiceNow but not visible to this account)").ConfigureAwait(false);
        }

        if (run.State != RunState.Completed)
        {
            var note = run.Mode == SyncMode.Full ? " Nothing was marked deleted." : string.Empty;
            await console.Error.WriteLineAsync($"error: {run.Error}{note}").ConfigureAwait(false);
        }
    }

    private static string Line(string label, long value) =>
        $"  {label,-22}{value.ToString("N0", CultureInfo.InvariantCulture),12}";
}
