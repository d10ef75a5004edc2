using System.CommandLine;
using AssetBridge.Core.Errors;

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
        command.SetAction((parse, cancellationToken) =>
        {
            // AGENT-PLANE: call RemoteAgent.EnrollAsync(server, enrollment token, name, capabilities,
            // ip ranges, thumbprint, data directory, console output, cancellationToken) and return its exit code.
            _ = console;
            throw new AssetBridgeException(ErrorKind.Configuration, "This build cannot enrol remote agents yet; use the server's embedded agent.");
        });
        return command;
    }

    private static Command Run(CliConsole console)
    {
        var concurrency = new Option<int>("--concurrency") { Description = "Jobs run at once.", DefaultValueFactory = _ => 4 };
        var command = new Command("run", "Run the enrolled agent until Ctrl+C or SIGTERM.") { concurrency };
        command.SetAction((parse, cancellationToken) =>
        {
            // AGENT-PLANE: call RemoteAgent.RunAsync(data directory, concurrency, console, cancellationToken).
            _ = console;
            throw new AssetBridgeException(ErrorKind.Configuration, "This build cannot run a remote agent yet; use the server's embedded agent.");
        });
        return command;
    }
}
