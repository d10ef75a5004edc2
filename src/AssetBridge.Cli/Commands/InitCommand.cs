using System.CommandLine;
using AssetBridge.Cli.Hosting;
using AssetBridge.Storage.Vault;

namespace AssetBridge.Cli.Commands;

/// <summary><c>init</c>: creates the data directory, its database and the master key (owner-only).</summary>
internal static class InitCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("init", "Create the data directory, its database and master key.");
        command.SetAction((parse, cancellationToken) => GlobalOptions.WithHostAsync(parse, console, cancellationToken, async host =>
        {
            var usesEnvironmentKey = !string.IsNullOrWhiteSpace(console.Environment(MasterKey.EnvironmentVariable));
            var created = !usesEnvironmentKey && MasterKeyFile.CreateIfMissing(host.DataDirectory);
            host.RequireMasterKey(); // proves the key loads (and is private) now rather than at the first credential
            var keyNote = usesEnvironmentKey
                ? $"master key from {MasterKey.EnvironmentVariable}"
                : created
                    ? $"master key created at {Path.Combine(host.DataDirectory, MasterKey.FileName)} (owner-only; back it up: without it stored secrets cannot be opened)"
                    : $"master key kept at {Path.Combine(host.DataDirectory, MasterKey.FileName)}";
            await console.Out.WriteLineAsync($"Initialised {host.DataDirectory}: database {DataDirectory.DatabaseFileName}, {keyNote}.").ConfigureAwait(false);
            return 0;
        }, create: true));
        return command;
    }
}
