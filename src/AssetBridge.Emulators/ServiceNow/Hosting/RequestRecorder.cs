using Microsoft.AspNetCore.Http;

namespace AssetBridge.Emulators.ServiceNow.Hosting;

/// <summary>
/// Counts every request in <see cref="EmulatorStats"/>. A request is recorded just before its
/// headers leave (or just before its connection is aborted), never after: once a client holds a
/// response, the stats already show it, so tests can assert without waiting.
/// </summary>
internal sealed class RequestRecorder(EmulatorStats stats, TimeProvider time)
{
    private const string EntryKey = "assetbridge.emulator.request";

    public static void SetUser(HttpContext context, string username)
    {
        if (context.Items[EntryKey] is Entry entry)
        {
            entry.Username = username;
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
        var entry = new Entry(stats, context.Request, time.GetUtcNow());
        context.Items[EntryKey] = entry;
        context.Response.OnStarting(() =>
        {
            entry.Record(context.Response.StatusCode);
            return Task.CompletedTask;
        });
        stats.RequestStarted();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            entry.Record(context.Response.HasStarted || !context.RequestAborted.IsCancellationRequested ? context.Response.StatusCode : 0);
            stats.RequestEnded();
        }
    }

    private sealed class Entry(EmulatorStats stats, HttpRequest request, DateTimeOffset receivedAt)
    {
        private int recorded;

        public string? Username { get; set; }

        public void Record(int status)
        {
            if (Interlocked.Exchange(ref recorded, 1) == 0)
            {
                stats.RequestRecorded(new RecordedRequest(
                    request.Method, request.Path.Value ?? string.Empty, request.QueryString.Value ?? string.Empty, Username, status, receivedAt));
            }
        }
    }
}
