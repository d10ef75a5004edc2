using System.CommandLine;
using System.Globalization;
using AssetBridge.Cli.Output;
using AssetBridge.Core.Errors;

namespace AssetBridge.Cli.Commands;

/// <summary><c>runs [--json]</c>: recent sync runs, newest first.</summary>
internal static class RunsCommand
{
    public static Command Create(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var connector = new Option<string?>("--connector") { Description = "Only runs of this connector." };
        var limit = new Option<int>("--limit") { Description = "How many runs.", DefaultValueFactory = _ => 20 };
        var command = new Command("runs", "List recent sync runs with their counts and errors.") { json, connector, limit };
        command.SetAction((parse, cancellationToken) => GlobalOptions.WithPlaneAsync(parse, console, cancellationToken, async session =>
        {
            var runs = await session.Plane.ListRunsAsync(parse.GetValue(connector), parse.GetValue(limit), cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(console.Out, runs).ConfigureAwait(false);
                return 0;
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
                    r.Error ?? string.Empty,
                }));
            return 0;
        }));
        return command;
    }
}
