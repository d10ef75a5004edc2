using System.CommandLine;
using AssetBridge.Core.Access;
using AssetBridge.Core.Application;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Storage;
using AssetBridge.Server.Hosting;

namespace AssetBridge.Cli.Commands;

/// <summary><c>token create --role admin|reader</c>: an API token for the server, run on the server's data directory.</summary>
internal static class TokenCommand
{
    public static Command Create(CliConsole console)
    {
        var role = new Option<string>("--role") { Description = "admin (every route) or reader (read-only routes and /metrics).", Required = true };
        var description = new Option<string?>("--description") { Description = "What the token is for, to recognise it later." };
        var expires = new Option<string?>("--expires") { Description = "Lifetime such as 90d or 12h. Default: never expires." };
        var store = new Option<string?>("--store") { Description = "The server's store when it is not the data directory's database: sqlite:PATH or postgres:CONNSTRING (as given to 'server --store')." };
        var create = new Command("create", "Create an API token and print it; it is stored only as a hash and never shown again.") { role, description, expires, store };
        create.SetAction((parse, cancellationToken) => GlobalOptions.WithHostAsync(parse, console, cancellationToken, async host =>
        {
            var kind = parse.GetValue(role)?.ToLowerInvariant() switch
            {
                "admin" => TokenKind.Admin,
                "reader" => TokenKind.Reader,
                var other => throw new AssetBridgeException(ErrorKind.Usage, $"--role is admin or reader, not '{other}'."),
            };
            var lifetime = parse.GetValue(expires) is { } text ? DurationText.Parse(text, "--expires") : (TimeSpan?)null;
            // A PostgreSQL-backed server keeps its tokens there, where every replica reads them.
            var spec = parse.GetValue(store);
            var target = spec is null ? host.Store : await StoreLocation.OpenAsync(spec, host.DataDirectory, host.Time, cancellationToken).ConfigureAwait(false);
            (StoredToken stored, string token) created;
            try
            {
                created = await new TokenService(target, host.Time).CreateApiTokenAsync(kind, parse.GetValue(description), lifetime, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (spec is not null)
                {
                    await target.DisposeAsync().ConfigureAwait(false);
                }
            }

            var (stored, token) = created;
            await console.Out.WriteLineAsync(token).ConfigureAwait(false);
            var until = stored.ExpiresAt is { } at ? $"expires {at:u}" : "does not expire";
            await console.Error.WriteLineAsync($"Created {kind.ToString().ToLowerInvariant()} token {stored.Id} ({until}); store it now, it is not shown again.").ConfigureAwait(false);
            return 0;
        }));
        var command = new Command("token", "Manage API tokens for the server's admin API.");
        command.Subcommands.Add(create);
        return command;
    }
}
