using AssetBridge.Core.Agents;
using AssetBridge.Core.Application;
using AssetBridge.Server.Agents;
using AssetBridge.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AssetBridge.Server.Api;

/// <summary>/api/v1/connectors: add, list, show, test, remove, schedule, place, and start a sync.</summary>
internal static class ConnectorsApi
{
    public static void MapConnectorsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/connectors");
        group.MapGet("/", (IControlPlane plane, CancellationToken ct) => plane.ListConnectorsAsync(ct))
            .WithSummary("List connectors.").RequireAuthorization(BearerAuthentication.ReaderPolicy);
        group.MapGet("/{name}", (string name, IControlPlane plane, CancellationToken ct) => plane.GetConnectorAsync(name, ct))
            .WithSummary("Show a connector.").RequireAuthorization(BearerAuthentication.ReaderPolicy);
        group.MapPost("/", async (ConnectorBody body, IControlPlane plane, CancellationToken ct) =>
        {
            var kind = Body.Required(body.Kind, "kind");
            var draft = new ConnectorDraft(
                Body.Required(body.Name, "name"),
                kind,
                string.Equals(kind, Core.Connectors.ConnectorKinds.Azure, StringComparison.OrdinalIgnoreCase) ? body.Instance ?? string.Empty : Body.Required(body.Instance, "instance"),
                Body.Required(body.Credential, "credential"),
                body.DeviceTable,
                body.Maps ?? [],
                body.PageSize,
                body.MaxConcurrentRequests)
            {
                Every = body.Every,
                Placement = body.Placement ?? AgentPlacement.Any,
                VmInstanceTable = body.VmInstanceTable,
                Subscriptions = body.Subscriptions ?? [],
                AuthorityHost = body.AuthorityHost,
                ArmEndpoint = body.ArmEndpoint,
            };
            var connector = await plane.AddConnectorAsync(draft, ct).ConfigureAwait(false);
            return TypedResults.Created($"/api/v1/connectors/{connector.Id}", connector);
        }).WithSummary("Add a connector.").RequireAuthorization(BearerAuthentication.AdminPolicy);
        group.MapDelete("/{name}", (string name, IControlPlane plane, CancellationToken ct) => plane.RemoveConnectorAsync(name, ct))
            .WithSummary("Remove a connector with its inventory, runs and jobs.").RequireAuthorization(BearerAuthentication.AdminPolicy);
        group.MapPost("/{name}/test", (string name, IControlPlane plane, HttpContext context) =>
                JsonArrayStream.WriteAsync(context, plane.TestConnectorAsync(name, context.RequestAborted)))
            .WithSummary("Check DNS, TLS, authentication and read access; a JSON array of checks, streamed.").RequireAuthorization(BearerAuthentication.AdminPolicy);
        group.MapPut("/{name}/schedule", (string name, ScheduleBody body, IControlPlane plane, CancellationToken ct) => plane.ScheduleConnectorAsync(name, body.Every, ct))
            .WithSummary("Sync the connector every interval, or never (every: null).").RequireAuthorization(BearerAuthentication.AdminPolicy);
        group.MapPut("/{name}/placement", (string name, AgentPlacement body, IControlPlane plane, CancellationToken ct) => plane.PlaceConnectorAsync(name, body, ct))
            .WithSummary("Pin the connector's jobs to an agent or a cluster, with a default agent.").RequireAuthorization(BearerAuthentication.AdminPolicy);
        group.MapPost("/{name}/sync", async (string name, SyncBody body, IControlPlane plane, DispatchSignal dispatch, CancellationToken ct) =>
        {
            var started = await plane.StartSyncAsync(name, body.Mode, ct).ConfigureAwait(false);

            // The run's jobs are queued: place them now rather than at the dispatcher's next tick.
            dispatch.Pulse();
            return TypedResults.Accepted($"/api/v1/runs/{started.Run.Id}", started);
        }).WithSummary("Start a sync run (the server's agents run it); poll /api/v1/runs/{id}.").RequireAuthorization(BearerAuthentication.AdminPolicy);
    }
}
