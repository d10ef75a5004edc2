using AssetBridge.Core.Access;
using AssetBridge.Core.Agents;
using AssetBridge.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AssetBridge.Server.Agents;

/// <summary>
/// Admits a request on an agent route only with a current agent session token (Authorization: Bearer
/// abs_…) whose agent still exists; the agent is then available through <see cref="Agent"/>. A removed or
/// rekeyed agent's sessions are revoked, so they fail here.
/// </summary>
internal static class AgentSessionFilter
{
    private const string ItemKey = "assetbridge.agent";

    public static AgentRecord Agent(HttpContext context) => (AgentRecord)context.Items[ItemKey]!;

    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var store = http.RequestServices.GetRequiredService<IStore>();
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        var bearer = BearerValue(http);
        if (bearer is null)
        {
            return AgentProblems.Unauthorized("Agent routes need a session token; open one with POST /agent/v1/sessions.");
        }

        var token = await store.Tokens.FindAsync(BearerToken.Hash(bearer), time.GetUtcNow(), http.RequestAborted).ConfigureAwait(false);
        if (token is not { Kind: TokenKind.AgentSession, AgentId: { } agentId })
        {
            return AgentProblems.Unauthorized("The agent session token is unknown, expired or revoked; open a new session.");
        }

        var agent = await store.Agents.GetAsync(agentId, http.RequestAborted).ConfigureAwait(false);
        if (agent is null)
        {
            return AgentProblems.Unauthorized("This agent was removed; enrol it again with `assetbridge agent enroll`.");
        }

        http.Items[ItemKey] = agent;
        return await next(context).ConfigureAwait(false);
    }

    public static string? BearerValue(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && header.Length > Scheme.Length && header.Length < 256
            ? header[Scheme.Length..].Trim()
            : null;
    }
}
