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
        var outcome = run.State switch
        {
            RunState.Completed => "completed",
            RunState.Running => "running",
            _ => "FAILED",
        };
        var o = console.Out;
        await o.WriteLineAsync(run.State == RunState.Running
            ? $"Run {run.Id} of '{run.ConnectorName}' ({mode}) running since {run.StartedAt:u}."
            : $"Run {run.Id} of '{run.ConnectorName}' ({mode}) {outcome} in {duration}.").ConfigureAwait(false);
        // A failed run that read nothing: the error sentence says why, and a column of zeros would only distract.
        var c = run.Counts;
        if (!(run.State == RunState.Failed && c.Records == 0 && c.MarkedDeleted == 0))
        {
            await WriteCountsAsync(o, c).ConfigureAwait(false);
        }

        if (run.Counts.Hidden > 0)
        {
            await o.WriteLineAsync(Line("hidden by ACLs", run.Counts.Hidden) + "  (counted by ServiceNow but not visible to this account)").ConfigureAwait(false);
        }

        if (run.State is not (RunState.Completed or RunState.Running))
        {
            var note = run.Mode == SyncMode.Full ? " Nothing was marked deleted." : string.Empty;
            await console.Error.WriteLineAsync($"error: {run.Error}{note}").ConfigureAwait(false);
        }
    }

    private static async Task WriteCountsAsync(TextWriter o, RunCounts c)
    {
        // A run reads either a CMDB or a cloud; the other source's lines would only be zeros.
        if (c.CloudVms > 0 && c.Records == c.CloudVms)
        {
            await o.WriteLineAsync(Line("virtual machines", c.CloudVms)).ConfigureAwait(false);
        }
        else
        {
            await o.WriteLineAsync(Line("devices", c.Devices)).ConfigureAwait(false);
            await o.WriteLineAsync(Line("network adapters", c.NetworkAdapters)).ConfigureAwait(false);
            await o.WriteLineAsync(Line("business applications", c.BusinessApplications)).ConfigureAwait(false);
            await o.WriteLineAsync(Line("relationships", c.Relationships)).ConfigureAwait(false);
            if (c.VmInstances > 0)
            {
                await o.WriteLineAsync(Line("VM instances", c.VmInstances)).ConfigureAwait(false);
            }
        }

        await o.WriteLineAsync(Line("marked deleted", c.MarkedDeleted)).ConfigureAwait(false);
    }

    private static string Line(string label, long value) =>
        $"  {label,-22}{value.ToString("N0", CultureInfo.InvariantCulture),12}";
}
