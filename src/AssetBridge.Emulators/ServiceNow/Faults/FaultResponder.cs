using System.Buffers;
using AssetBridge.Emulators.ServiceNow.Api;
using AssetBridge.Emulators.ServiceNow.Hosting;
using AssetBridge.Emulators.ServiceNow.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace AssetBridge.Emulators.ServiceNow.Faults;

/// <summary>
/// Turns a fault into what the client sees. Faults that corrupt a 200 render the real answer
/// first, so the broken body starts exactly as the good one would have.
/// </summary>
internal sealed class FaultResponder(FaultInjector faults, UserRateLimiter rateLimiter, TimeProvider time, CancellationToken shutdown)
{
    /// <summary>The wait a RateLimited fault imposes (Retry-After: 1).</summary>
    private static readonly TimeSpan ImposedWait = TimeSpan.FromSeconds(1);

    /// <summary>True when the fault answered the request; false when the normal answer should follow (slow response).</summary>
    public async Task<bool> ApplyAsync(EmulatorFault fault, HttpContext context, EmulatorUser user, Action<IBufferWriter<byte>> render)
    {
        var response = context.Response;
        switch (fault)
        {
            case EmulatorFault.ServerError500:
                // The body the CMDB Instance API documents for an unhandled server error.
                await ErrorEnvelope.WriteAsync(
                    response,
                    StatusCodes.Status500InternalServerError,
                    "Exception while executing request: null",
                    "Exception while executing request: null Check logs for error trace or enable glide.rest.debug property to verify REST request processing").ConfigureAwait(false);
                return true;
            case EmulatorFault.ServiceUnavailable503:
                await ErrorEnvelope.WriteAsync(
                    response, StatusCodes.Status503ServiceUnavailable, "Service Unavailable", "The instance is temporarily unable to serve requests. Try again later.").ConfigureAwait(false);
                return true;
            case EmulatorFault.ConnectionReset:
                RequestRecorder.RecordAbort(context);
                context.Abort();
                return true;
            case EmulatorFault.RateLimited:
                await RateLimitResponse.WriteAsync(response, rateLimiter.Impose(user.Username, ImposedWait), rateLimiter.Capacity).ConfigureAwait(false);
                return true;
            case EmulatorFault.SlowResponse:
                return await DelayAsync(context).ConfigureAwait(false);
            case EmulatorFault.TruncatedBody:
                await WriteTruncatedAsync(context, render).ConfigureAwait(false);
                return true;
            case EmulatorFault.TransactionCancelled:
                await WriteTransactionCancelledAsync(context, render).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    private async Task<bool> DelayAsync(HttpContext context)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, shutdown);
        try
        {
            await Task.Delay(faults.SlowResponseDelay, time, cancel.Token).ConfigureAwait(false);
            return false;
        }
        catch (OperationCanceledException)
        {
            // The client gave up (its timeout) or the emulator is stopping: nobody is left to answer.
            RequestRecorder.RecordAbort(context);
            context.Abort();
            return true;
        }
    }

    private static async Task WriteTruncatedAsync(HttpContext context, Action<IBufferWriter<byte>> render)
    {
        var complete = new ArrayBufferWriter<byte>();
        render(complete);

        // Content-Length promises the whole body and half of it comes. Returning short makes Kestrel
        // close the connection once what was written has gone out (an abort here could drop it
        // unsent), so the client reads headers, half the JSON, then end-of-stream.
        context.Response.ContentLength = complete.WrittenCount;
        await context.Response.Body.WriteAsync(complete.WrittenMemory[..MalformedBodies.CutPoint(complete.WrittenCount)], context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteTransactionCancelledAsync(HttpContext context, Action<IBufferWriter<byte>> render)
    {
        var complete = new ArrayBufferWriter<byte>();
        render(complete);
        var body = context.Response.StatusCode == StatusCodes.Status200OK
            ? MalformedBodies.TransactionCancelled(complete.WrittenSpan)
            : complete.WrittenSpan.ToArray();
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
