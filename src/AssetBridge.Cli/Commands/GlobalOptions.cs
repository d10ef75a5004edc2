using System.CommandLine;
using AssetBridge.Cli.Hosting;

namespace AssetBridge.Cli.Commands;

/// <summary>Options every command accepts.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> DataDir = new("--data-dir")
    {
        Description = "Data directory (database and master key). Default: $ASSETBRIDGE_HOME, else ./.assetbridge.",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Log progress to stderr.",
        Recursive = true,
    };

    /// <summary>Opens the data directory named by the global options and runs the action with it.</summary>
    public static async Task<int> WithHostAsync(ParseResult parse, CliConsole console, CancellationToken cancellationToken, Func<AppHost, Task<int>> action, bool create = false)
    {
        var directory = DataDirectory.Resolve(parse.GetValue(DataDir), console);
        await using var host = await AppHost.OpenAsync(directory, console, create, parse.GetValue(Verbose), cancellationToken).ConfigureAwait(false);
        return await action(host).ConfigureAwait(false);
    }
}
