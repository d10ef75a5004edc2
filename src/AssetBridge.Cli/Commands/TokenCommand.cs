using System.CommandLine;
using AssetBridge.Core.Access;
using AssetBridge.Core.Application;
using AssetBridge.Core.Errors;

namespace AssetBridge.Cli.Commands;

/// <summary><c>token create --role admin|reader</c>: an API token for the server, run on the server's data directory.</summary>
internal static class TokenCommand
{
    public static Command Create(CliConsole console)
    {
        var role = new Option<string>("--role") { Description = "admin (every route) or reader (read-only routes and /metrics).", Required = true };
        var description = new Option<string?>("--description") { Description = "What the token is for, to recognise it later." };
        var expires = new Option<string?>("--expires") { Description = "Lifetime such as 90d or 12h. Default: never expires." };
        var create = new Command("create", "Create an API token and print it; it is stored only as a hash and never shown again.") { role, description, expires };
        create.SetAction((parse, cancellationToken) => GlobalOptions.WithHostAsync(parse, console, cancellationToken, async host =>
        {
            var kind = parse.GetValue(role)?.ToLowerInvariant() switch
            {
                "admin" => TokenKind.Admin,
                "reader" => TokenKind.Reader,
                var other => throw new AssetBridgeException(ErrorKind.Usage, $"--role is admin or reader, not '{other}'."),
            };
            var lifetime = parse.GetValue(expires) is { } text ? DurationText.Parse(text, "--expires") : (TimeSpan?)null;
            var (stored, token) = await new TokenService(host.Store, host.Time).CreateApiTokenAsync(kind, parse.GetValue(description), lifetime, cancellationToken).ConfigureAwait(false);
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
