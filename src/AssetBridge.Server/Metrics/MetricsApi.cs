using System.Globalization;
using AssetBridge.Core.Agents;
using AssetBridge.Core.Application;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Runs;
using AssetBridge.Core.Storage;
using AssetBridge.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AssetBridge.Server.Metrics;

/// <summary>
/// /metrics, computed from the database at each scrape, so every replica reports the same numbers:
/// queue depth by state, job latency, agents by status, runs by state, records synced per connector.
/// </summary>
internal static class MetricsApi
{
    /// <summary>Job latency is read from the jobs of this many recent runs: enough for a trend, cheap to scrape.</summary>
    private const int LatencyRuns = 20;

    private const int CountedRuns = 10_000;

    private static readonly double[] LatencyBuckets = [1, 5, 15, 60, 300, 1800, 7200];

    public static void MapMetricsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/metrics", async (IStore store, IControlPlane plane, CancellationToken ct) =>
                TypedResults.Text(await RenderAsync(store, plane, ct).ConfigureAwait(false), PrometheusText.ContentType))
            .WithSummary("Prometheus metrics (text format 0.0.4).").RequireAuthorization(BearerAuthentication.ReaderPolicy);

    public static async Task<string> RenderAsync(IStore store, IControlPlane plane, CancellationToken cancellationToken)
    {
        var text = new PrometheusText();
        var jobs = await store.Jobs.CountByStateAsync(cancellationToken).ConfigureAwait(false);
        text.Family("assetbridge_jobs", "gauge", "Jobs in the queue by state.");
        foreach (var state in Enum.GetValues<JobState>())
        {
            text.Sample("assetbridge_jobs", jobs.GetValueOrDefault(state), ("state", Lower(state)));
        }

        var agents = await plane.ListAgentsAsync(cancellationToken).ConfigureAwait(false);
        text.Family("assetbridge_agents", "gauge", "Enrolled agents by status.");
        foreach (var status in Enum.GetValues<AgentStatus>())
        {
            text.Sample("assetbridge_agents", agents.Count(a => a.Status == status), ("status", Lower(status)));
        }

        var runs = await store.Runs.ListAsync(null, CountedRuns, cancellationToken).ConfigureAwait(false);
        text.Family("assetbridge_runs", "gauge", "Sync runs by state (most recent 10000).");
        foreach (var state in Enum.GetValues<RunState>())
        {
            text.Sample("assetbridge_runs", runs.Count(r => r.State == state), ("state", Lower(state)));
        }

        text.Family("assetbridge_sync_records_total", "counter", "Records read by finished sync runs, per connector and kind.");
        foreach (var connector in runs.Where(r => r.State != RunState.Running).GroupBy(r => r.ConnectorName, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Sample("assetbridge_sync_records_total", connector.Sum(r => r.Counts.Devices), ("connector", connector.Key), ("kind", "device"));
            text.Sample("assetbridge_sync_records_total", connector.Sum(r => r.Counts.NetworkAdapters), ("connector", connector.Key), ("kind", "network_adapter"));
            text.Sample("assetbridge_sync_records_total", connector.Sum(r => r.Counts.BusinessApplications), ("connector", connector.Key), ("kind", "business_application"));
            text.Sample("assetbridge_sync_records_total", connector.Sum(r => r.Counts.Relationships), ("connector", connector.Key), ("kind", "relationship"));
            text.Sample("assetbridge_sync_records_total", connector.Sum(r => r.Counts.VmInstances), ("connector", connector.Key), ("kind", "vm_instance"));
            text.Sample("assetbridge_sync_records_total", connector.Sum(r => r.Counts.CloudVms), ("connector", connector.Key), ("kind", "cloud_vm"));
        }

        await WriteLatencyAsync(text, store, runs, cancellationToken).ConfigureAwait(false);
        return text.ToString();
    }

    /// <summary>From enqueue to the last state change of each finished job of the recent runs.</summary>
    private static async Task WriteLatencyAsync(PrometheusText text, IStore store, IReadOnlyList<SyncRun> runs, CancellationToken cancellationToken)
    {
        var seconds = new List<double>();
        foreach (var run in runs.Take(LatencyRuns))
        {
            var jobs = await store.Jobs.ListByRunAsync(run.Id, cancellationToken).ConfigureAwait(false);
            seconds.AddRange(jobs.Where(j => j.State is JobState.Processed or JobState.Error).Select(j => Math.Max(0, (j.UpdatedAt - j.CreatedAt).TotalSeconds)));
        }

        const string Name = "assetbridge_job_duration_seconds";
        text.Family(Name, "histogram", "Time from enqueue to finish of the jobs of the 20 most recent runs.");
        foreach (var bound in LatencyBuckets)
        {
            text.Sample(Name + "_bucket", seconds.Count(s => s <= bound), ("le", bound.ToString(CultureInfo.InvariantCulture)));
        }

        text.Sample(Name + "_bucket", seconds.Count, ("le", "+Inf"));
        text.Sample(Name + "_sum", seconds.Sum());
        text.Sample(Name + "_count", seconds.Count);
    }

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
