using AssetBridge.Emulators.ServiceNow.Auth;
using AssetBridge.Emulators.ServiceNow.Faults;
using AssetBridge.Emulators.ServiceNow.Hosting;
using AssetBridge.Emulators.ServiceNow.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace AssetBridge.Emulators.ServiceNow.Api;

/// <summary>
/// GET /api/now/[v1/|v2/]table/{table}[/{sys_id}]: the order a real instance applies —
/// authentication (401), rate limit (429), then whatever fault is due, then the read itself.
/// </summary>
internal sealed class TableApiEndpoint(
    RequestAuthenticator authenticator,
    UserRateLimiter rateLimiter,
    FaultInjector faults,
    FaultResponder faultResponder,
    TableReader reader,
    EmulatorStats stats)
{
    public async Task HandleAsync(HttpContext context, ApiVersion version)
    {
        var table = (string)context.Request.RouteValues["table"]!;
        var sysId = context.Request.RouteValues["sys_id"] as string;
        stats.CountTableRequest(table);
        var user = authenticator.Authenticate(context.Request);
        if (user is null)
        {
            await ErrorEnvelope.NotAuthenticatedAsync(context.Response).ConfigureAwait(false);
            return;
        }

        RequestRecorder.SetUser(context, user.Username);
        if (rateLimiter.TryAcquire(user.Username) is { } rejection)
        {
            if (rejection.IsViolation)
            {
                stats.CountViolation();
            }

            await RateLimitResponse.WriteAsync(context.Response, rejection, rateLimiter.Capacity).ConfigureAwait(false);
            return;
        }

        if (faults.Next() is { } fault)
        {
            stats.CountFault(fault);
            var answered = await faultResponder.ApplyAsync(
                fault, context, user, body => reader.Respond(context, user, table, sysId, version, body)).ConfigureAwait(false);
            if (answered)
            {
                return;
            }
        }

        reader.Respond(context, user, table, sysId, version, context.Response.BodyWriter);
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
