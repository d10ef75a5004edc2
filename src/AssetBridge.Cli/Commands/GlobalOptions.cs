using System.CommandLine;
using AssetBridge.Cli.Hosting;
using AssetBridge.Cli.Remote;

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

    public static readonly Option<string?> Server = new("--server")
    {
        Description = "Act against this AssetBridge server (https URL) instead of the local data directory. Default: $ASSETBRIDGE_SERVER.",
        Recursive = true,
    };

    public static readonly Option<string?> Token = new("--token")
    {
        Description = "API token for --server. Default: $ASSETBRIDGE_TOKEN.",
        Recursive = true,
    };

    public static readonly Option<string?> ServerThumbprint = new("--server-thumbprint")
    {
        Description = "Accept only the server certificate with this SHA-256 thumbprint (as the server printed it). Default: $ASSETBRIDGE_SERVER_THUMBPRINT.",
        Recursive = true,
    };

    /// <summary>Opens the data directory named by the global options and runs the action with it.</summary>
    public static async Task<int> WithHostAsync(ParseResult parse, CliConsole console, CancellationToken cancellationToken, Func<AppHost, Task<int>> action, bool create = false)
    {
        var directory = DataDirectory.Resolve(parse.GetValue(DataDir), console);
        await using var host = await AppHost.OpenAsync(directory, console, create, parse.GetValue(Verbose), cancellationToken).ConfigureAwait(false);
        return await action(host).ConfigureAwait(false);
    }

    /// <summary>Runs the action against the server the options name, or else the local data directory.</summary>
    public static async Task<int> WithPlaneAsync(ParseResult parse, CliConsole console, CancellationToken cancellationToken, Func<CliSession, Task<int>> action)
    {
        var remote = RemoteTarget.Resolve(parse.GetValue(Server), parse.GetValue(Token), parse.GetValue(ServerThumbprint), console.Environment);
        if (remote is not null)
        {
            using var plane = new HttpControlPlane(remote.Server, remote.Token, remote.Thumbprint);
            return await action(new CliSession(plane, null)).ConfigureAwait(false);
        }

        return await WithHostAsync(parse, console, cancellationToken, host => action(new CliSession(host.ControlPlane, host))).ConfigureAwait(false);
    }
}
