using AssetBridge.Core.Agents;
using AssetBridge.Core.Application;
using AssetBridge.Core.Errors;
using AssetBridge.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AssetBridge.Server.Api;

/// <summary>/api/v1/agents and /api/v1/clusters: what admins do to agents (the agents' own protocol is the agent API).</summary>
internal static class AgentAdminApi
{
    public static void MapAgentAdminApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/agents", (IControlPlane plane, CancellationToken ct) => plane.ListAgentsAsync(ct))
            .WithSummary("Agents with status and load.").RequireAuthorization(BearerAuthentication.ReaderPolicy);
        api.MapPost("/agents/enrollment-tokens", (EnrollmentBody body, IControlPlane plane, CancellationToken ct) => plane.CreateEnrollmentTokenAsync(body.ExpiresIn, body.AutoApprove, ct))
            .WithSummary("A one-time enrolment token, shown once.").RequireAuthorization(BearerAuthentication.AdminPolicy);
        api.MapPost("/agents/{name}/{action}", (string name, string action, IControlPlane plane, CancellationToken ct) =>
                plane.ChangeAgentAsync(name, ParseAction(action), ct))
            .WithSummary("approve, pause, resume, remove or rekey an agent.").RequireAuthorization(BearerAuthentication.AdminPolicy);
        api.MapGet("/clusters", (IControlPlane plane, CancellationToken ct) => plane.ListClustersAsync(ct))
            .WithSummary("Agent clusters.").RequireAuthorization(BearerAuthentication.ReaderPolicy);
        api.MapPut("/clusters/{name}", (string name, ClusterBody body, IControlPlane plane, CancellationToken ct) =>
                plane.SaveClusterAsync(new AgentCluster(name, body.Mode, body.Members ?? []), ct))
            .WithSummary("Create or replace a cluster.").RequireAuthorization(BearerAuthentication.AdminPolicy);
        api.MapDelete("/clusters/{name}", async (string name, IControlPlane plane, CancellationToken ct) =>
        {
            await plane.RemoveClusterAsync(name, ct).ConfigureAwait(false);
            return TypedResults.NoContent();
        }).WithSummary("Remove a cluster.").RequireAuthorization(BearerAuthentication.AdminPolicy);
    }

    private static AgentAction ParseAction(string text) =>
        Enum.TryParse<AgentAction>(text, ignoreCase: true, out var action) && !int.TryParse(text, out _)
            ? action
            : throw new AssetBridgeException(ErrorKind.Usage, $"'{text}' is not an agent action; use approve, pause, resume, remove or rekey.");
}
