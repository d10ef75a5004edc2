using System.CommandLine;
using AssetBridge.Cli.Hosting;
using AssetBridge.Core.Application;
using AssetBridge.Server.Hosting;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Cli.Commands;

/// <summary><c>server</c>: the admin API, scheduler and embedded agent over HTTPS, until Ctrl+C or SIGTERM.</summary>
internal static class ServerCommand
{
    public static Command Create(CliConsole console)
    {
        var urls = new Option<string>("--urls") { Description = "HTTPS addresses, ';'-separated.", DefaultValueFactory = _ => "https://127.0.0.1:8443" };
        var store = new Option<string?>("--store") { Description = "sqlite:PATH or postgres:CONNSTRING. Default: the data directory's database." };
        var certificate = new Option<string?>("--certificate") { Description = "PFX to serve. Default: a self-signed certificate generated once into the data directory." };
        var passwordEnv = new Option<string?>("--certificate-password-env") { Description = "Environment variable holding the PFX password." };
        var noEmbedded = new Option<bool>("--no-embedded-agent") { Description = "Run no agent in the server process: every job goes to remote agents." };
        var embeddedName = new Option<string?>("--embedded-agent-name") { Description = "Name of this server's embedded agent; replicas on one host need different names. Default embedded-HOST." };
        var downAfter = new Option<string?>("--agent-down-after") { Description = "An agent silent this long is Down and its jobs are re-homed (e.g. 60s, the default)." };
        var command = new Command("server", "Run the AssetBridge server: admin API, agent API, dispatcher, scheduler and embedded agent over HTTPS.")
        {
            urls, store, certificate, passwordEnv, noEmbedded, embeddedName, downAfter,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var directory = DataDirectory.Resolve(parse.GetValue(GlobalOptions.DataDir), console);
            var level = parse.GetValue(GlobalOptions.Verbose) ? LogLevel.Information : LogLevel.Warning;
            using var logs = new StderrLoggerProvider(console.Error, level);
            var options = new ServerOptions
            {
                DataDirectory = directory,
                Urls = parse.GetValue(urls)!,
                Store = parse.GetValue(store),
                CertificatePath = parse.GetValue(certificate) is { } path ? Path.GetFullPath(path, console.WorkingDirectory) : null,
                CertificatePassword = parse.GetValue(passwordEnv) is { } variable ? console.Environment(variable) : null,
                Environment = console.Environment,
                Logs = logs,
                EmbeddedAgent = !parse.GetValue(noEmbedded),
                EmbeddedAgentName = parse.GetValue(embeddedName),
                AgentDownAfter = parse.GetValue(downAfter) is { } window ? DurationText.Parse(window, "--agent-down-after") : null,
            };
            await using var server = await ServerHost.StartAsync(options, cancellationToken).ConfigureAwait(false);
            foreach (var address in server.Addresses)
            {
                await console.Out.WriteLineAsync($"Listening on {address.ToString().TrimEnd('/')} (certificate SHA-256 thumbprint {server.Thumbprint})").ConfigureAwait(false);
            }

            await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            await server.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
