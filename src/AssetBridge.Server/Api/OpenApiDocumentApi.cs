using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace AssetBridge.Server.Api;

/// <summary>
/// /openapi/v1.json: a small OpenAPI 3.0 document built from the routes themselves (path, method,
/// summary, the policy each needs), so it cannot drift from what the server serves.
/// </summary>
internal static partial class OpenApiDocumentApi
{
    public const string Route = "/openapi/v1.json";

    public static void MapOpenApiDocument(this IEndpointRouteBuilder app) =>
        app.MapGet(Route, (EndpointDataSource endpoints) => TypedResults.Text(Build(endpoints).ToJsonString(), "application/json"))
            .WithSummary("This document.");

    public static JsonObject Build(EndpointDataSource endpoints)
    {
        var paths = new JsonObject();
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>().OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal))
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (methods is null || endpoint.RoutePattern.RawText is not { } raw)
            {
                continue;
            }

            var path = "/" + RouteConstraint().Replace(raw.TrimStart('/'), "}").TrimEnd('/');
            if (paths[path] is not JsonObject item)
            {
                item = new JsonObject();
                paths[path] = item;
            }

            foreach (var method in methods)
            {
                var operation = new JsonObject
                {
                    ["summary"] = endpoint.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary ?? string.Empty,
                    ["parameters"] = new JsonArray([.. endpoint.RoutePattern.Parameters.Select(p => (JsonNode)new JsonObject
                    {
                        ["name"] = p.Name,
                        ["in"] = "path",
                        ["required"] = true,
                        ["schema"] = new JsonObject { ["type"] = "string" },
                    })]),
                    ["responses"] = new JsonObject { ["default"] = new JsonObject { ["description"] = "JSON, or a problem body (application/problem+json) with detail and kind." } },
                };
                var policy = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).FirstOrDefault(p => p is not null);
                if (policy is not null)
                {
                    operation["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() });
                    operation["x-assetbridge-role"] = policy;
                }

                item[method.ToLowerInvariant()] = operation;
            }
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = "AssetBridge admin API", ["version"] = "v1" },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject { ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer" } },
            },
        };
    }

    [GeneratedRegex(@":[^}]*}")]
    private static partial Regex RouteConstraint();
}
