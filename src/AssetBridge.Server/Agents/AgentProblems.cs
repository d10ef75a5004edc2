using AssetBridge.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace AssetBridge.Server.Agents;

/// <summary>RFC 7807 problem bodies for the agent routes; the detail is the sentence the operator reads.</summary>
internal static class AgentProblems
{
    public static IResult Unauthorized(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Agent not authenticated");

    public static IResult Forbidden(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    public static IResult BadRequest(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    public static IResult Conflict(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    public static IResult From(AssetBridgeException error) => Results.Problem(
        error.Message,
        statusCode: error.Kind switch
        {
            ErrorKind.Usage => StatusCodes.Status400BadRequest,
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Authentication => StatusCodes.Status403Forbidden,
            ErrorKind.Transient or ErrorKind.Unreachable => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status500InternalServerError,
        },
        title: error.Kind.ToString());

    /// <summary>Turns typed errors from any agent route into problem bodies.</summary>
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (AssetBridgeException error)
        {
            return From(error);
        }
        catch (System.Text.Json.JsonException)
        {
            return BadRequest("The request body is not the JSON this route expects; see docs/agent-protocol.md, and upgrade the agent to the server's version.");
        }
    }
}
