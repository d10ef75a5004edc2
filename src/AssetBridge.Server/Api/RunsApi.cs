using AssetBridge.Core.Application;
using AssetBridge.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AssetBridge.Server.Api;

/// <summary>/api/v1/runs and /api/v1/devices: what syncs did and what the inventory holds.</summary>
internal static class RunsApi
{
    public static void MapRunsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/runs", (string? connector, int? limit, IControlPlane plane, CancellationToken ct) => plane.ListRunsAsync(connector, limit ?? 20, ct))
            .WithSummary("Recent runs, newest first (?connector=, ?limit= 1-10000, default 20).").RequireAuthorization(BearerAuthentication.ReaderPolicy);
        api.MapGet("/runs/{id:long}", (long id, IControlPlane plane, CancellationToken ct) => plane.GetRunAsync(id, ct))
            .WithSummary("A run with its jobs: state, assigned agent, wait reason.").RequireAuthorization(BearerAuthentication.ReaderPolicy);
        api.MapGet("/devices", (string? connector, bool? includeDeleted, int? minCriticality, bool? internetFacing, IControlPlane plane, HttpContext context) =>
                JsonArrayStream.WriteAsync(context, plane.ReadDevicesAsync(
                    new DeviceFilter(connector, includeDeleted ?? false, minCriticality) { InternetFacingOnly = internetFacing ?? false },
                    context.RequestAborted)))
            .WithSummary("The joined inventory as a JSON array, streamed (?connector=, ?includeDeleted=, ?minCriticality=, ?internetFacing=).").RequireAuthorization(BearerAuthentication.ReaderPolicy);
    }
}
