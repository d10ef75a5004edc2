using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AssetBridge.Emulators.Azure.Hosting;

/// <summary>
/// Counts every request in <see cref="AzureEmulatorStats"/>, just before its headers leave (or its
/// connection is aborted), never after: once a client holds a response the stats already show it.
/// The endpoint is named by the route's name; unknown paths count as "unknown".
/// </summary>
internal sealed class AzureRequestRecorder(AzureEmulatorStats stats)
{
    private const string EntryKey = "assetbridge.azure.request";

    public static void SetClient(HttpContext context, string clientId)
    {
        if (context.Items[EntryKey] is Entry entry)
        {
            entry.ClientId = clientId;
        }
    }

    /// <summary>Records status 0 for a request whose connection is about to be aborted.</summary>
    public static void RecordAbort(HttpContext context)
    {
        if (context.Items[EntryKey] is Entry entry)
        {
            entry.Record(0);
        }
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        stats.RequestReceived();
        var name = context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "unknown";
        var entry = new Entry(stats, context.Request, name);
        context.Items[EntryKey] = entry;
        context.Response.OnStarting(() =>
        {
            entry.Record(context.Response.StatusCode);
            return Task.CompletedTask;
        });
        await next(context).ConfigureAwait(false);
        entry.Record(context.Response.HasStarted || !context.RequestAborted.IsCancellationRequested ? context.Response.StatusCode : 0);
    }

    private sealed class Entry(AzureEmulatorStats stats, HttpRequest request, string endpoint)
    {
        private int recorded;

        public string? ClientId { get; set; }

        public void Record(int status)
        {
            if (Interlocked.Exchange(ref recorded, 1) == 0)
            {
                stats.Recorded(new AzureRecordedRequest(
                    request.Method, request.Path.Value ?? string.Empty, request.QueryString.Value ?? string.Empty, endpoint, ClientId, status));
            }
        }
    }
}
