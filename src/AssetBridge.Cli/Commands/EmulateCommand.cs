using System.CommandLine;

namespace AssetBridge.Cli.Commands;

/// <summary><c>emulate servicenow</c>: a ServiceNow Table API emulator on loopback, for trials, tests and benchmarks.</summary>
internal static class EmulateCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("emulate", "Run a source emulator on 127.0.0.1.");
        _ = console;
        return command;
    }
}
