using System.Globalization;
using System.Text;
using AssetBridge.Emulators.Azure.Arm;
using AssetBridge.Emulators.Azure.Entra;
using AssetBridge.Emulators.Azure.Hosting;
using AssetBridge.Emulators.Azure.State;
using Microsoft.AspNetCore.Http;

namespace AssetBridge.Emulators.Azure.Faults;

/// <summary>Turns a fault into what the client sees: ARM's error bodies on ARM paths, Entra's on the token endpoint.</summary>
internal static class AzureFaultResponder
{
    /// <summary>The wait a scripted or random 429 asks for.</summary>
    public const int ImposedRetryAfterSeconds = 1;

    // A token response that stops in the middle of the access token.
    private static readonly byte[] CutTokenBody = Encoding.UTF8.GetBytes("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\"eyJ0eXAiOiJKV1QiLCJhbGciOi");

    public static Task WriteArmFaultAsync(HttpContext context, AzureFault fault, RegisteredPrincipal principal, string scope, string trackingId)
    {
        switch (fault)
        {
            case AzureFault.ServerError500:
                return ArmGate.WriteAsync(context, ArmResponse.From(ArmError.InternalServerError(trackingId)));
            case AzureFault.ServiceUnavailable503:
                return ArmGate.WriteAsync(context, ArmResponse.From(ArmError.ServiceUnavailable)
                    .With("Retry-After", ImposedRetryAfterSeconds.ToString(CultureInfo.InvariantCulture)));
            case AzureFault.TooManyRequests429:
                return ArmGate.WriteAsync(context, ArmResponse.From(ArmError.Throttled(scope, principal.ObjectId, ImposedRetryAfterSeconds))
                    .With("Retry-After", ImposedRetryAfterSeconds.ToString(CultureInfo.InvariantCulture)));
            default:
                Abort(context);
                return Task.CompletedTask;
        }
    }

    public static async Task WriteEntraFaultAsync(HttpContext context, AzureFault fault, TimeProvider time, RequestIds ids)
    {
        switch (fault)
        {
            case AzureFault.ServerError500 or AzureFault.ServiceUnavailable503:
                await EntraResponses.WriteErrorAsync(context, EntraError.Transient(fault == AzureFault.ServerError500 ? 500 : 503), time, ids).ConfigureAwait(false);
                return;
            case AzureFault.TooManyRequests429:
                context.Response.Headers.RetryAfter = ImposedRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await EntraResponses.WriteErrorAsync(context, new EntraError(429, "temporarily_unavailable", 90033, "A transient error has occurred. Please try again."), time, ids).ConfigureAwait(false);
                return;
            case AzureFault.MalformedJson:
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "application/json; charset=utf-8";
                context.Response.ContentLength = CutTokenBody.Length;
                await context.Response.Body.WriteAsync(CutTokenBody, context.RequestAborted).ConfigureAwait(false);
                return;
            default:
                Abort(context);
                return;
        }
    }

    private static void Abort(HttpContext context)
    {
        AzureRequestRecorder.RecordAbort(context);
        context.Abort();
    }
}
