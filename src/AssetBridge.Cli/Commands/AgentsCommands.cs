using System.CommandLine;
using System.Globalization;
using AssetBridge.Cli.Output;
using AssetBridge.Core.Agents;
using AssetBridge.Core.Application;
using AssetBridge.Core.Errors;

namespace AssetBridge.Cli.Commands;

/// <summary><c>agents list|approve|pause|resume|remove|rekey|enrollment-token|cluster</c>: what admins do to agents.</summary>
internal static class AgentsCommands
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("agents", "Manage the agents that run sync jobs, and their clusters.");
        command.Subcommands.Add(List(console));
        foreach (var action in Enum.GetValues<AgentAction>())
        {
            command.Subcommands.Add(Change(console, action));
        }

        command.Subcommands.Add(EnrollmentToken(console));
        command.Subcommands.Add(AgentClusterCommands.Create(console));
        return command;
    }

    private static Command List(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("list", "List agents with their status and load.") { json };
        command.SetAction((parse, cancellationToken) => GlobalOptions.WithPlaneAsync(parse, console, cancellationToken, async session =>
        {
            var agents = await session.Plane.ListAgentsAsync(cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(console.Out, agents).ConfigureAwait(false);
                return 0;
            }

            TableOutput.Write(
                console,
                ["ID", "NAME", "STATUS", "APPROVED", "LOAD", "CAPABILITIES", "IP RANGES", "LAST SEEN"],
                agents.Select(a => new[]
                {
                    a.Id.ToString(CultureInfo.InvariantCulture),
                    a.Embedded ? a.Name + " (embedded)" : a.Name,
                    a.Status.ToString().ToLowerInvariant(),
                    a.Approved ? "yes" : "no",
                    a.Load.ToString(CultureInfo.InvariantCulture),
                    string.Join(", ", a.Capabilities),
                    a.IpRanges.Count == 0 ? "any" : string.Join(", ", a.IpRanges),
                    a.LastSeenAt?.ToString("u", CultureInfo.InvariantCulture) ?? "never",
                }));
            return 0;
        }));
        return command;
    }

    private static Command Change(CliConsole console, AgentAction action)
    {
        var verb = action.ToString().ToLowerInvariant();
        var name = new Argument<string>("name") { Description = "Agent name or id." };
        var command = new Command(verb, Describe(action)) { name };
        command.SetAction((parse, cancellationToken) => GlobalOptions.WithPlaneAsync(parse, console, cancellationToken, async session =>
        {
            var agent = await session.Plane.ChangeAgentAsync(parse.GetValue(name)!, action, cancellationToken).ConfigureAwait(false);
            var line = action == AgentAction.Remove
                ? $"Removed agent '{agent.Name}'; its jobs went back to the queue."
                : $"Agent '{agent.Name}' is {agent.Status.ToString().ToLowerInvariant()}{(agent.Approved ? string.Empty : ", not approved")}.";
            await console.Out.WriteLineAsync(line).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static string Describe(AgentAction action) => action switch
    {
        AgentAction.Approve => "Approve an enrolled agent so it gets work.",
        AgentAction.Pause => "Give an agent no new work (it keeps heartbeating).",
        AgentAction.Resume => "Give a paused agent work again.",
        AgentAction.Remove => "Remove an agent; its jobs go back to the queue.",
        _ => "Make an agent replace its keys at its next session.",
    };

    private static Command EnrollmentToken(CliConsole console)
    {
        var expires = new Option<string>("--expires") { Description = "Lifetime, e.g. 1h or 7d (at most 30d).", DefaultValueFactory = _ => "1h" };
        var autoApprove = new Option<bool>("--auto-approve") { Description = "The agent enrolled with it needs no approval." };
        var command = new Command("enrollment-token", "Create a one-time token an agent enrols with; printed once.") { expires, autoApprove };
        command.SetAction((parse, cancellationToken) => GlobalOptions.WithPlaneAsync(parse, console, cancellationToken, async session =>
        {
            var token = await session.Plane.CreateEnrollmentTokenAsync(DurationText.Parse(parse.GetValue(expires)!, "--expires"), parse.GetValue(autoApprove), cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync(token.Token).ConfigureAwait(false);
            await console.Error.WriteLineAsync($"One-time enrolment token, valid until {token.ExpiresAt:u}{(token.AutoApprove ? ", approved on enrolment" : "; approve the agent with 'assetbridge agents approve NAME'")}.").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}

/// <summary><c>agents cluster add|list|remove</c>.</summary>
internal static class AgentClusterCommands
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("cluster", "Manage agent clusters (failover or load-balance groups a connector can be pinned to).");
        command.Subcommands.Add(Add(console));
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Remove(console));
        return command;
    }

    private static Command Add(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = "Cluster name." };
        var mode = new Option<string>("--mode") { Description = "failover (first member up, in order) or load-balance (least loaded member).", Required = true };
        var members = new Option<string[]>("--member") { Description = "An agent, in order. Repeatable.", Required = true };
        var command = new Command("add", "Create or replace a cluster.") { name, mode, members };
        command.SetAction((parse, cancellationToken) => GlobalOptions.WithPlaneAsync(parse, console, cancellationToken, async session =>
        {
            var clusterMode = parse.GetValue(mode)?.ToLowerInvariant() switch
            {
                "failover" => ClusterMode.Failover,
                "load-balance" => ClusterMode.LoadBalance,
                var other => throw new AssetBridgeException(ErrorKind.Usage, $"--mode is failover or load-balance, not '{other}'."),
            };
            var cluster = await session.Plane.SaveClusterAsync(new AgentCluster(parse.GetValue(name)!, clusterMode, parse.GetValue(members) ?? []), cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"Cluster '{cluster.Name}' ({parse.GetValue(mode)!.ToLowerInvariant()}): {string.Join(", ", cluster.Members)}.").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command List(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("list", "List clusters.") { json };
        command.SetAction((parse, cancellationToken) => GlobalOptions.WithPlaneAsync(parse, console, cancellationToken, async session =>
        {
            var clusters = await session.Plane.ListClustersAsync(cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(console.Out, clusters).ConfigureAwait(false);
                return 0;
            }

            TableOutput.Write(console, ["NAME", "MODE", "MEMBERS"], clusters.Select(c => new[] { c.Name, c.Mode == ClusterMode.Failover ? "failover" : "load-balance", string.Join(", ", c.Members) }));
            return 0;
        }));
        return command;
    }

    private static Command Remove(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = "Cluster name." };
        var command = new Command("remove", "Remove a cluster.") { name };
        command.SetAction((parse, cancellationToken) => GlobalOptions.WithPlaneAsync(parse, console, cancellationToken, async session =>
        {
            await session.Plane.RemoveClusterAsync(parse.GetValue(name)!, cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"Removed cluster '{parse.GetValue(name)}'.").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
