using AssetBridge.Core.Application;
using AssetBridge.Core.Credentials;
using AssetBridge.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AssetBridge.Server.Api;

/// <summary>/api/v1/credentials: metadata out, secrets only in (sealed at once, never returned).</summary>
internal static class CredentialsApi
{
    public static void MapCredentialsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/credentials");
        group.MapGet("/", (IControlPlane plane, CancellationToken ct) => plane.ListCredentialsAsync(ct))
            .WithSummary("List credentials (metadata only).").RequireAuthorization(BearerAuthentication.ReaderPolicy);
        group.MapPost("/", async (CredentialBody body, IControlPlane plane, CancellationToken ct) =>
        {
            var draft = new CredentialDraft(
                Body.Required(body.Name, "name"),
                Body.Required(body.Type, "type"),
                body.Attributes ?? [],
                new CredentialSecret(body.Secrets ?? []));
            var info = await plane.AddCredentialAsync(draft, ct).ConfigureAwait(false);
            return TypedResults.Created($"/api/v1/credentials/{info.Id}", info);
        }).WithSummary("Add a credential.").RequireAuthorization(BearerAuthentication.AdminPolicy);
        group.MapDelete("/{name}", (string name, IControlPlane plane, CancellationToken ct) => plane.RemoveCredentialAsync(name, ct))
            .WithSummary("Remove a credential no connector uses.").RequireAuthorization(BearerAuthentication.AdminPolicy);
    }
}
