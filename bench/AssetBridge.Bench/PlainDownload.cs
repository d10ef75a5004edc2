using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using AssetBridge.Connectors.ServiceNow.Mapping;
using AssetBridge.Connectors.ServiceNow.Planning;
using AssetBridge.Connectors.ServiceNow.Reading;
using AssetBridge.Connectors.ServiceNow.Settings;
using AssetBridge.Connectors.ServiceNow.TableApi;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Runs;

namespace AssetBridge.Bench;

/// <summary>
/// The baseline: the same pages a full sync requests (same tables, columns, page size, keyset queries,
/// one stream per table at once), downloaded and thrown away. Only the last sys_id of each page is
/// looked at, to ask for the next one.
/// </summary>
internal static class PlainDownload
{
    private static readonly byte[] SysIdKey = Encoding.UTF8.GetBytes("\"sys_id\":\"");

    public static async Task<(double Seconds, long Records, long Bytes)> RunAsync(Uri instance)
    {
        var connector = new Connector(1, "bench", ConnectorKinds.ServiceNow, instance.ToString(), 1, new ServiceNowConnectorSettings().ToJson(), DateTimeOffset.UnixEpoch);
        var run = new SyncRun(1, 1, "bench", SyncMode.Full, RunState.Running, DateTimeOffset.UnixEpoch, null, RunCounts.Zero, null);
        var jobs = new ServiceNowSyncPlanner().Plan(connector, run, new Dictionary<string, AssetBridge.Core.Inventory.Watermark>());
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{EmulatorRole.User}:{EmulatorRole.Password}")));
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(jobs.Select(job => DownloadTableAsync(http, TableJobParameters.Parse(job.Parameters))));
        clock.Stop();
        return (clock.Elapsed.TotalSeconds, results.Sum(r => r.Records), results.Sum(r => r.Bytes));
    }

    private static async Task<(long Records, long Bytes)> DownloadTableAsync(HttpClient http, TableJobParameters job)
    {
        var columns = new ColumnSet(job.Columns);
        string? last = null;
        long records = 0, bytes = 0;
        var first = true;
        while (true)
        {
            var request = new TableRequest(new Uri(job.InstanceUrl), job.Table, columns, KeysetQuery.Full(last, job.Filter), job.PageSize, 0, first, "bench");
            first = false;
            var body = await http.GetByteArrayAsync(request.ToUri());
            bytes += body.Length;
            var span = body.AsSpan();
            var at = span.LastIndexOf(SysIdKey);
            if (at < 0)
            {
                return (records, bytes);
            }

            records += Count(span, SysIdKey);
            var start = at + SysIdKey.Length;
            last = Encoding.UTF8.GetString(span.Slice(start, span[start..].IndexOf((byte)'"')));
        }
    }

    private static int Count(ReadOnlySpan<byte> body, ReadOnlySpan<byte> key)
    {
        var count = 0;
        int at;
        while ((at = body.IndexOf(key)) >= 0)
        {
            count++;
            body = body[(at + key.Length)..];
        }

        return count;
    }
}
