using System.CommandLine;
using AssetBridge.Agent.Remote;
using AssetBridge.Cli.Hosting;
using AssetBridge.Core.Agents;
using AssetBridge.Core.Application;
using AssetBridge.Core.Errors;
using AssetBridge.Server.Composition;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Cli.Commands;

/// <summary><c>agent enroll|run</c>: this machine as a remote agent of a server.</summary>
internal static class AgentCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("agent", "Run this machine as a remote agent of an AssetBridge server.");
        command.Subcommands.Add(Enroll(console));
        command.Subcommands.Add(Run(console));
        return command;
    }

    private static Command Enroll(CliConsole console)
    {
        var server = new Option<string>("--server") { Description = "The server's https address.", Required = true };
        var token = new Option<string>("--enrollment-token") { Description = "One-time token from 'assetbridge agents enrollment-token'.", Required = true };
        var name = new Option<string>("--name") { Description = "This agent's name.", Required = true };
        var capabilities = new Option<string[]>("--capability") { Description = "What this agent may run (e.g. servicenow); default ALL. Repeatable." };
        var ranges = new Option<string[]>("--ip-range") { Description = "Targets this agent may reach (CIDR, range, or !excluded). Repeatable." };
        var thumbprint = new Option<string?>("--server-thumbprint") { Description = "Pin the server certificate's SHA-256 thumbprint." };
        var command = new Command("enroll", "Enrol this machine with a server: generates its keys and stores its identity in the data directory.")
        {
            server, token, name, capabilities, ranges, thumbprint,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var address = parse.GetValue(server)!;
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
            {
                throw new AssetBridgeException(ErrorKind.Usage, $"--server must be an https:// address, not '{address}'.");
            }

            var request = new AgentEnrollment(
                uri,
                parse.GetValue(token)!,
                parse.GetValue(name)!,
                parse.GetValue(capabilities) is { Length: > 0 } c ? c : [AgentRecord.AllCapability],
                parse.GetValue(ranges) ?? [],
                parse.GetValue(thumbprint));
            var directory = DataDirectory.Resolve(parse.GetValue(GlobalOptions.DataDir), console);
            await RemoteAgent.EnrollAsync(request, directory, console.Out, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Run(CliConsole console)
    {
        var concurrency = new Option<int>("--concurrency") { Description = "Jobs run at once.", DefaultValueFactory = _ => 4 };
        var heartbeat = new Option<string?>("--heartbeat-interval") { Description = "How often the agent tells the server it is Up (e.g. 15s, the default); keep it well under the server's --agent-down-after." };
        var command = new Command("run", "Run the enrolled agent until Ctrl+C or SIGTERM.") { concurrency, heartbeat };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var directory = DataDirectory.Resolve(parse.GetValue(GlobalOptions.DataDir), console);
            var level = parse.GetValue(GlobalOptions.Verbose) ? LogLevel.Information : LogLevel.Warning;
            using var loggers = LoggerFactory.Create(builder => builder.SetMinimumLevel(level).AddProvider(new StderrLoggerProvider(console.Error, level)));
            using var modules = ConnectorModules.Create(TimeProvider.System, loggers, console.Environment);
            var options = new RemoteAgentOptions { Concurrency = parse.GetValue(concurrency) };
            if (parse.GetValue(heartbeat) is { } interval)
            {
                options.HeartbeatInterval = DurationText.Parse(interval, "--heartbeat-interval");
            }
            await console.Out.WriteLineAsync($"Agent running from {directory}; Ctrl+C or SIGTERM drains it (running jobs finish or are handed back).").ConfigureAwait(false);
            await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            await RemoteAgent.RunAsync(directory, modules.Operations, modules.AuthenticatorProviders, options, TimeProvider.System, loggers, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
