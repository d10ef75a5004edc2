using Microsoft.AspNetCore.Http;

namespace AssetBridge.Emulators.ServiceNow.Hosting;

/// <summary>Counts every request in <see cref="EmulatorStats"/>: in flight, status, user, query.</summary>
internal sealed class RequestRecorder(EmulatorStats stats, TimeProvider time)
{
    private const string UserKey = "assetbridge.emulator.user";
    private const string AbortedKey = "assetbridge.emulator.aborted";

    public static void SetUser(HttpContext context, string username) => context.Items[UserKey] = username;

    public static void MarkAborted(HttpContext context) => context.Items[AbortedKey] = true;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var receivedAt = time.GetUtcNow();
        stats.RequestStarted();
        var status = 0;
        try
        {
            await next(context).ConfigureAwait(false);
            status = context.Items.ContainsKey(AbortedKey) ? 0 : context.Response.StatusCode;
        }
        finally
        {
            var request = context.Request;
            stats.RequestFinished(new RecordedRequest(
                request.Method, request.Path.Value ?? string.Empty, request.QueryString.Value ?? string.Empty,
                context.Items[UserKey] as string, status, receivedAt));
        }
    }
}
