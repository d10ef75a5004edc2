using System.CommandLine;
using AssetBridge.Core.Agents;
using AssetBridge.Core.Application;
using AssetBridge.Core.Errors;

namespace AssetBridge.Cli.Commands;

/// <summary><c>connector schedule N --every 6h|--off</c> and <c>connector placement N [--agent A | --cluster C] [--default-agent D]</c>.</summary>
internal static class ConnectorScheduleCommands
{
    public static Option<string?> Every() => new("--every") { Description = "Sync on a schedule: 30m, 6h, 1d (at least 1m). The server's scheduler starts each run." };

    public static Command Schedule(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = "Connector name or id." };
        var every = Every();
        var off = new Option<bool>("--off") { Description = "Stop syncing on a schedule." };
        var command = new Command("schedule", "Sync a connector every interval (run by 'assetbridge server'), or stop.") { name, every, off };
        command.SetAction((parse, cancellationToken) => GlobalOptions.WithPlaneAsync(parse, console, cancellationToken, async session =>
        {
            var text = parse.GetValue(every);
            if ((text is null) == !parse.GetValue(off))
            {
                throw new AssetBridgeException(ErrorKind.Usage, "Give one of --every (e.g. 6h) and --off.");
            }

            var connector = await session.Plane.ScheduleConnectorAsync(parse.GetValue(name)!, text is null ? null : DurationText.Parse(text, "--every"), cancellationToken).ConfigureAwait(false);
            var line = connector.Every is { } e
                ? $"Connector '{connector.Name}' syncs every {DurationText.Format(e)}; next run at {connector.NextRunAt:u}."
                : $"Connector '{connector.Name}' syncs only on demand.";
            await console.Out.WriteLineAsync(line).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    public static Command Placement(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = "Connector name or id." };
        var placement = new PlacementOptions();
        var command = new Command("placement", "Choose which agents run a connector's jobs; with no option, any suitable agent.") { name };
        placement.AddTo(command);
        command.SetAction((parse, cancellationToken) => GlobalOptions.WithPlaneAsync(parse, console, cancellationToken, async session =>
        {
            var connector = await session.Plane.PlaceConnectorAsync(parse.GetValue(name)!, placement.Read(parse), cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"Connector '{connector.Name}' runs on {PlacementOptions.Describe(connector.Placement)}.").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}

/// <summary>--agent, --cluster and --default-agent, shared by <c>connector add</c> and <c>connector placement</c>.</summary>
internal sealed class PlacementOptions
{
    private readonly Option<string?> _agent = new("--agent") { Description = "Run this connector's jobs only on this agent." };
    private readonly Option<string?> _cluster = new("--cluster") { Description = "Run this connector's jobs only on this cluster's agents." };
    private readonly Option<string?> _defaultAgent = new("--default-agent") { Description = "Use this agent when no suitable agent is up." };

    public void AddTo(Command command)
    {
        command.Options.Add(_agent);
        command.Options.Add(_cluster);
        command.Options.Add(_defaultAgent);
    }

    public AgentPlacement Read(ParseResult parse) => new(parse.GetValue(_agent), parse.GetValue(_cluster), parse.GetValue(_defaultAgent));

    public static string Describe(AgentPlacement placement)
    {
        var pinned = placement.PinnedAgent is { } a ? $"agent {a}" : placement.PinnedCluster is { } c ? $"cluster {c}" : "any agent";
        return placement.DefaultAgent is { } d ? $"{pinned} (default {d})" : pinned;
    }
}
