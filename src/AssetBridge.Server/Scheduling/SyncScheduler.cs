using AssetBridge.Core.Application;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Runs;
using AssetBridge.Core.Storage;
using AssetBridge.Server.Agents;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Server.Scheduling;

/// <summary>
/// Starts scheduled syncs on time. Any number of replicas may run it on one database: for each due
/// connector the next run time is advanced by compare-and-set first, and only the replica that won
/// starts the run.
/// </summary>
public sealed partial class SyncScheduler : BackgroundService
{
    private readonly IStore _store;
    private readonly SyncService _sync;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly ILogger<SyncScheduler> _logger;
    private readonly DispatchSignal? _dispatch;

    /// <param name="dispatch">Pulsed after runs start, so their jobs are placed at once; null leaves them to the dispatcher's tick.</param>
    public SyncScheduler(IStore store, SyncService sync, TimeProvider time, TimeSpan interval, ILogger<SyncScheduler> logger, DispatchSignal? dispatch = null)
    {
        _store = store;
        _sync = sync;
        _time = time;
        _interval = interval;
        _logger = logger;
        _dispatch = dispatch;
    }

    /// <summary>Starts the runs due now; returns how many this instance started.</summary>
    public async Task<int> TickAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var started = 0;
        foreach (var connector in await _store.Connectors.ListDueAsync(now, cancellationToken).ConfigureAwait(false))
        {
            if (connector.Every is not { } every || connector.NextRunAt is not { } expected)
            {
                continue;
            }

            // Checkpoint: exactly one caller moves NextRunAt from the value it read; the others skip.
            if (!await _store.Connectors.AdvanceScheduleAsync(connector.Id, expected, NextAfter(expected, every, now), cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            if (await StartAsync(connector, cancellationToken).ConfigureAwait(false))
            {
                started++;
            }
        }

        if (started > 0)
        {
            _dispatch?.Pulse();
        }

        return started;
    }

    /// <summary>The first slot after now: a server that was down for a day runs once, not once per missed slot.</summary>
    public static DateTimeOffset NextAfter(DateTimeOffset expected, TimeSpan every, DateTimeOffset now)
    {
        var missed = now < expected ? 0 : ((now - expected).Ticks / every.Ticks) + 1;
        return expected + TimeSpan.FromTicks(every.Ticks * Math.Max(1, missed));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval, _time);
        do
        {
            try
            {
                await TickAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogTickFailed(_logger, error.GetType().Name, error is AssetBridgeException ? error.Message : "see the exception type");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task<bool> StartAsync(Connector connector, CancellationToken cancellationToken)
    {
        try
        {
            var started = await _sync.StartAsync(connector, SyncMode.Incremental, cancellationToken).ConfigureAwait(false);
            LogStarted(_logger, started.Run.Id, connector.Name, started.Resumed);
            return true;
        }
        catch (AssetBridgeException error)
        {
            // A run still going (on any replica or the CLI) is not a failure: the next slot will try again.
            LogSkipped(_logger, connector.Name, error.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled run {RunId} of '{Connector}' started (resumed: {Resumed})")]
    private static partial void LogStarted(ILogger logger, long runId, string connector, bool resumed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled run of '{Connector}' skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string connector, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduler pass failed ({Failure}): {Reason}")]
    private static partial void LogTickFailed(ILogger logger, string failure, string reason);
}
