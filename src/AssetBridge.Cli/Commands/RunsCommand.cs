using System.CommandLine;
using System.Globalization;
using AssetBridge.Cli.Output;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Runs;

namespace AssetBridge.Cli.Commands;

/// <summary>
/// <c>runs [--json]</c>: recent sync runs, newest first; a running run shows why a job waits for an
/// agent. <c>runs show ID [--json]</c>: one run with each of its jobs (state, agent, wait reason, error).
/// </summary>
internal static class RunsCommand
{
    public static Command Create(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var connector = new Option<string?>("--connector") { Description = "Only runs of this connector." };
        var limit = new Option<int>("--limit") { Description = "How many runs.", DefaultValueFactory = _ => 20 };
        var command = new Command("runs", "List recent sync runs with their counts and errors (or, while running, why a job waits).") { json, connector, limit };
        command.Subcommands.Add(Show(console));
        command.SetAction((parse, cancellationToken) => GlobalOptions.WithPlaneAsync(parse, console, cancellationToken, async session =>
        {
            var runs = await session.Plane.ListRunsAsync(parse.GetValue(connector), parse.GetValue(limit), cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(console.Out, runs).ConfigureAwait(false);
                return 0;
            }

            var waiting = new Dictionary<long, string>();
            foreach (var running in runs.Where(r => r.State == RunState.Running))
            {
                var status = await session.Plane.GetRunAsync(running.Id, cancellationToken).ConfigureAwait(false);
                if (status.Jobs.FirstOrDefault(j => j.State == JobState.Ready && j.WaitReason is not null) is { } job)
                {
                    waiting[running.Id] = $"waiting: {job.WaitReason}";
                }
            }

            TableOutput.Write(
                console,
                ["RUN", "CONNECTOR", "MODE", "STATE", "STARTED", "SECONDS", "DEVICES", "ADAPTERS", "APPS", "RELATIONS", "VMS", "DELETED", "ERROR"],
                runs.Select(r => new[]
                {
                    r.Id.ToString(CultureInfo.InvariantCulture),
                    r.ConnectorName,
                    r.Mode.ToString().ToLowerInvariant(),
                    r.State.ToString().ToLowerInvariant(),
                    r.StartedAt.ToString("u", CultureInfo.InvariantCulture),
                    r.FinishedAt is { } end ? (end - r.StartedAt).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) : "-",
                    r.Counts.Devices.ToString("N0", CultureInfo.InvariantCulture),
                    r.Counts.NetworkAdapters.ToString("N0", CultureInfo.InvariantCulture),
                    r.Counts.BusinessApplications.ToString("N0", CultureInfo.InvariantCulture),
                    r.Counts.Relationships.ToString("N0", CultureInfo.InvariantCulture),
                    (r.Counts.CloudVms + r.Counts.VmInstances).ToString("N0", CultureInfo.InvariantCulture),
                    r.Counts.MarkedDeleted.ToString("N0", CultureInfo.InvariantCulture),
                    r.Error ?? waiting.GetValueOrDefault(r.Id) ?? string.Empty,
                }));
            return 0;
        }));
        return command;
    }

    private static Command Show(CliConsole console)
    {
        var id = new Argument<long>("run") { Description = "The run's id (first column of 'runs')." };
        var json = new Option<bool>("--json") { Description = "Print JSON: the run and its jobs." };
        var command = new Command("show", "Show one run and each of its jobs: state, attempts, agent, records, and why it waits or failed.") { id, json };
        command.SetAction((parse, cancellationToken) => GlobalOptions.WithPlaneAsync(parse, console, cancellationToken, async session =>
        {
            var status = await session.Plane.GetRunAsync(parse.GetValue(id), cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(console.Out, status).ConfigureAwait(false);
                return 0;
            }

            await RunSummary.WriteAsync(console, status.Run).ConfigureAwait(false);
            TableOutput.Write(
                console,
                ["JOB", "OPERATION", "SCOPE", "STATE", "ATTEMPTS", "AGENT", "RECORDS", "WHY"],
                status.Jobs.Select(j => new[]
                {
                    j.Id.ToString(CultureInfo.InvariantCulture),
                    j.Operation.ToString(),
                    j.Scope,
                    j.State.ToString().ToLowerInvariant(),
                    j.Attempts.ToString(CultureInfo.InvariantCulture),
                    j.AssignedAgent ?? j.LeaseOwner ?? "-",
                    (j.Outcome?.Records ?? j.RecordsApplied).ToString("N0", CultureInfo.InvariantCulture),
                    j.Error ?? (j.State == JobState.Ready ? j.WaitReason : null) ?? string.Empty,
                }));
            return 0;
        }));
        return command;
    }
}
