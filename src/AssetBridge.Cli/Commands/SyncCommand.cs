using System.CommandLine;
using AssetBridge.Cli.Hosting;
using AssetBridge.Cli.Output;
using AssetBridge.Core.Application;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Runs;
using Spectre.Console;

namespace AssetBridge.Cli.Commands;

/// <summary><c>sync N [--full]</c>: plans the run, runs its jobs on the embedded agent, waits, prints counts.</summary>
internal static class SyncCommand
{
    // Short enough that a finished run is reported within a blink; each poll is two indexed reads.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static Command Create(CliConsole console)
    {
        var connector = new Argument<string>("connector") { Description = "Connector name or id." };
        var full = new Option<bool>("--full") { Description = "Re-read everything; the only kind of run that marks records deleted (and only when it completes)." };
        var json = new Option<bool>("--json") { Description = "Print the finished run as JSON." };
        var command = new Command("sync", "Sync a connector now and wait for the run to finish; exit 0 only when it completed.") { connector, full, json };
        command.SetAction((parse, cancellationToken) => GlobalOptions.WithHostAsync(parse, console, cancellationToken, async host =>
        {
            var target = await host.Connectors.GetAsync(parse.GetValue(connector)!, cancellationToken).ConfigureAwait(false);
            host.RequireMasterKey(); // the embedded agent will open the credential: fail now, not in every job
            var run = await RunAsync(host, console, target, parse.GetValue(full) ? SyncMode.Full : SyncMode.Incremental, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(console.Out, run).ConfigureAwait(false);
            }
            else
            {
                await RunSummary.WriteAsync(console, run).ConfigureAwait(false);
            }

            return run.State == RunState.Completed ? ExitCodes.Success : ExitCodes.For(ErrorKind.RunFailed);
        }));
        return command;
    }

    /// <summary>Starts (or resumes) a run and drives it to its end with the embedded agent.</summary>
    public static async Task<SyncRun> RunAsync(AppHost host, CliConsole console, Core.Connectors.Connector connector, SyncMode mode, CancellationToken cancellationToken)
    {
        var started = await host.Sync.StartAsync(connector, mode, cancellationToken).ConfigureAwait(false);
        if (started.Resumed)
        {
            await console.Error.WriteLineAsync($"Run {started.Run.Id} of '{connector.Name}' was left unfinished by a stopped process; resuming it ({started.Run.Mode.ToString().ToLowerInvariant()}).").ConfigureAwait(false);
        }

        var agent = host.CreateEmbeddedAgent();
        using var stopAgent = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var agentLoop = agent.RunAsync(stopAgent.Token);
        agent.Wake();
        try
        {
            if (!console.IsOutputTerminal)
            {
                return await host.Sync.WaitAsync(started.Run.Id, null, PollInterval, cancellationToken).ConfigureAwait(false);
            }

            SyncRun? finished = null;
            await TableOutput.For(console).Status().StartAsync($"Syncing {connector.Name}…", async status =>
            {
                finished = await host.Sync.WaitAsync(
                    started.Run.Id,
                    progress => status.Status($"Syncing {Markup.Escape(connector.Name)}: {progress.RecordsApplied:N0} records, {progress.Finished}/{progress.Jobs.Count} jobs done"),
                    PollInterval,
                    cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
            return finished!;
        }
        finally
        {
            await stopAgent.CancelAsync().ConfigureAwait(false);
            await agentLoop.ConfigureAwait(false);
        }
    }
}
