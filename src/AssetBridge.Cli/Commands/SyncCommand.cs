using System.CommandLine;
using AssetBridge.Cli.Hosting;
using AssetBridge.Cli.Output;
using AssetBridge.Core.Application;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Runs;
using Spectre.Console;

namespace AssetBridge.Cli.Commands;

/// <summary>
/// <c>sync N [--full]</c>: starts the run, waits, prints counts. Locally the embedded agent runs the jobs
/// in this process; against a server, the server's agents do and this command only watches.
/// </summary>
internal static class SyncCommand
{
    // Short enough that a finished run is reported within a blink; each poll is two indexed reads.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    // A poll over the network costs a round trip; a quarter second still feels immediate.
    private static readonly TimeSpan RemotePollInterval = TimeSpan.FromMilliseconds(250);

    // A ServiceNow instance is read through a per-instance gate anyway; more slots only queue at it.
    private const int ServiceNowConcurrency = 4;

    // ARM throttles per subscription: jobs for different subscriptions never slow each other down.
    private const int AzureConcurrency = 64;

    public static Command Create(CliConsole console)
    {
        var connector = new Argument<string>("connector") { Description = "Connector name or id." };
        var full = new Option<bool>("--full") { Description = "Re-read everything; the only kind of run that marks records deleted (and only when it completes)." };
        var json = new Option<bool>("--json") { Description = "Print the finished run as JSON." };
        var concurrency = new Option<int?>("--concurrency")
        {
            Description = $"Jobs the embedded agent runs at once, 1-64. Default {ServiceNowConcurrency} for ServiceNow; {AzureConcurrency} for Azure, whose jobs (one per subscription) mostly wait on their own subscription's throttle.",
        };
        var command = new Command("sync", "Sync a connector now and wait for the run to finish; exit 0 only when it completed.") { connector, full, json, concurrency };
        command.SetAction((parse, cancellationToken) => GlobalOptions.WithPlaneAsync(parse, console, cancellationToken, async session =>
        {
            var target = await session.Plane.GetConnectorAsync(parse.GetValue(connector)!, cancellationToken).ConfigureAwait(false);
            session.Local?.RequireMasterKey(); // the embedded agent will open the credential: fail now, not in every job
            if (parse.GetValue(concurrency) is { } slots && slots is < 1 or > 64)
            {
                throw new AssetBridgeException(ErrorKind.Usage, $"--concurrency must be between 1 and 64, not {slots}.");
            }

            var run = await RunAsync(session, console, target, parse.GetValue(full) ? SyncMode.Full : SyncMode.Incremental, cancellationToken, parse.GetValue(concurrency)).ConfigureAwait(false);
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

    /// <summary>Starts (or resumes) a run and waits for its end; locally, the embedded agent runs it meanwhile.</summary>
    public static async Task<SyncRun> RunAsync(CliSession session, CliConsole console, Core.Connectors.Connector connector, SyncMode mode, CancellationToken cancellationToken, int? concurrency = null)
    {
        var started = await session.Plane.StartSyncAsync(connector.Name, mode, cancellationToken).ConfigureAwait(false);
        if (started.Resumed)
        {
            await console.Error.WriteLineAsync($"Run {started.Run.Id} of '{connector.Name}' was left unfinished by a stopped process; resuming it ({started.Run.Mode.ToString().ToLowerInvariant()}).").ConfigureAwait(false);
        }

        var slots = concurrency ?? (string.Equals(connector.Kind, Core.Connectors.ConnectorKinds.Azure, StringComparison.OrdinalIgnoreCase) ? AzureConcurrency : ServiceNowConcurrency);
        var agent = session.Local?.CreateEmbeddedAgent(new Agent.Runtime.AgentOptions { Concurrency = slots });
        using var stopAgent = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var agentLoop = agent?.RunAsync(stopAgent.Token) ?? Task.CompletedTask;
        agent?.Wake();
        var poll = session.IsRemote ? RemotePollInterval : PollInterval;
        var time = session.Local?.Time ?? TimeProvider.System;
        try
        {
            if (!console.IsOutputTerminal)
            {
                return await RunWatcher.WaitAsync(session.Plane, started.Run.Id, null, poll, time, cancellationToken).ConfigureAwait(false);
            }

            SyncRun? finished = null;
            await TableOutput.For(console).Status().StartAsync($"Syncing {connector.Name}…", async status =>
            {
                finished = await RunWatcher.WaitAsync(
                    session.Plane,
                    started.Run.Id,
                    progress => status.Status($"Syncing {Markup.Escape(connector.Name)}: {progress.RecordsApplied:N0} records, {progress.Finished}/{progress.Jobs.Count} jobs done"),
                    poll,
                    time,
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
