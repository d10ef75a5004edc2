using System.Security.Cryptography;
using AssetBridge.Agent.Protocol;
using AssetBridge.Core.Access;
using AssetBridge.Core.Agents;
using AssetBridge.Core.Application;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Server.Agents;

/// <summary>Enrolment, sessions, heartbeats and rekey: how an agent proves who it is and learns what the server wants.</summary>
internal sealed class AgentIdentityEndpoints
{
    private readonly IStore _store;
    private readonly AgentService _agents;
    private readonly AgentPlaneOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _thumbprint;

    public AgentIdentityEndpoints(IStore store, AgentService agents, AgentPlaneOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        _store = store;
        _agents = agents;
        _options = options;
        _time = time;
        _logger = loggers.CreateLogger<AgentIdentityEndpoints>();
        _thumbprint = AgentProof.NormalizeThumbprint(options.ServerCertificateThumbprint);
    }

    public async Task<IResult> EnrollAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        var request = await ReadAsync<EnrollRequest>(http).ConfigureAwait(false);
        var bearer = AgentSessionFilter.BearerValue(http);
        var now = _time.GetUtcNow();
        var token = bearer is null ? null : await _store.Tokens.FindAsync(BearerToken.Hash(bearer), now, ct).ConfigureAwait(false);
        if (token is not { Kind: TokenKind.Enrollment, AgentId: null, UsedAt: null })
        {
            _logger.LogWarning("Enrolment of agent {Agent} refused: the enrolment token is unknown, expired or used.", request.Name);
            return AgentProblems.Unauthorized("The enrolment token is unknown, expired or already used; ask an admin for a new one (assetbridge agents enrollment-token).");
        }

        ValidateName(request.Name);
        var ranges = IpRangeSet.Parse(request.IpRanges);
        if (!IsP256KeyAgreementKey(request.SealingKey)
            || !AgentProof.IsFresh(request.Timestamp, now)
            || !AgentProof.Verify(request.SigningKey, AgentProof.Statement(AgentProof.Enroll, request.Name, request.Timestamp, _thumbprint, request.SigningKey, request.SealingKey), request.Signature))
        {
            return AgentProblems.Unauthorized("The enrolment proof did not verify: the agent's clock may be more than 5 minutes off, or something between the agent and this server presented another certificate.");
        }

        if (await _store.Agents.FindAsync(request.Name, ct).ConfigureAwait(false) is not null)
        {
            return AgentProblems.Conflict($"An agent named '{request.Name}' is already enrolled; pick another name, or remove the old one first (assetbridge agents remove {request.Name}).");
        }

        // Checkpoint: the token is consumed before the agent exists, so two agents can never enrol on one token.
        if (!await _store.Tokens.ConsumeAsync(token.Hash, now, ct).ConfigureAwait(false))
        {
            return AgentProblems.Unauthorized("The enrolment token was used a moment ago by another agent; ask an admin for a new one.");
        }

        var capabilities = request.Capabilities.Count == 0 ? [AgentRecord.AllCapability] : request.Capabilities.Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        var agent = await _store.Agents.RegisterAsync(
            new NewAgent(request.Name, capabilities, ranges, request.SigningKey, request.SealingKey, token.AutoApprove, false, request.Host, request.Version),
            now,
            ct).ConfigureAwait(false);
        _logger.LogInformation("Agent {Agent} enrolled ({Approval}).", agent.Name, agent.Approved ? "approved" : "awaiting approval");
        return Results.Json(new EnrollResponse(agent.Id, agent.Name, agent.Approved, agent.KeyVersion), AgentJson.Options);
    }

    public async Task<IResult> OpenSessionAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        var request = await ReadAsync<SessionRequest>(http).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var agent = await _store.Agents.FindAsync(request.Name, ct).ConfigureAwait(false);
        if (agent is null || agent.Embedded
            || !AgentProof.IsFresh(request.Timestamp, now)
            || !AgentProof.Verify(agent.SigningKey, AgentProof.Statement(AgentProof.Session, agent.Name, request.Timestamp, _thumbprint), request.Signature))
        {
            _logger.LogWarning("Session for agent {Agent} refused: unknown agent or a proof that did not verify.", request.Name);
            return AgentProblems.Unauthorized($"No session for '{request.Name}': the agent is not enrolled here, its key was replaced, or its clock is more than 5 minutes off; enrol it again if it was removed.");
        }

        var session = BearerToken.New(TokenKind.AgentSession);
        var expires = now + _options.SessionLifetime;
        await _store.Tokens.CreateAsync(new NewToken(TokenKind.AgentSession, BearerToken.Hash(session), $"session of agent {agent.Name}", agent.Id, false, now, expires), ct).ConfigureAwait(false);
        await _store.Agents.TouchAsync(agent.Id, now, ct).ConfigureAwait(false);
        return Results.Json(new SessionResponse(session, expires, agent.KeyVersion), AgentJson.Options);
    }

    public async Task<IResult> HeartbeatAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        var agent = AgentSessionFilter.Agent(http);
        var request = await ReadAsync<HeartbeatRequest>(http).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        await _store.Agents.TouchAsync(agent.Id, now, ct).ConfigureAwait(false);

        // The agent sets Draining itself while it shuts down, and clears it when it runs again; an admin's Pause stays.
        var mode = agent.Mode;
        if (request.Draining && mode != AgentMode.Draining)
        {
            mode = AgentMode.Draining;
        }
        else if (!request.Draining && mode == AgentMode.Draining)
        {
            mode = AgentMode.Active;
        }

        if (mode != agent.Mode)
        {
            await _store.Agents.SetModeAsync(agent.Id, mode, ct).ConfigureAwait(false);
            _logger.LogInformation("Agent {Agent} is now {Mode}.", agent.Name, mode);
        }

        var rekey = await _agents.FindPendingRekeyAsync(agent.Id, ct).ConfigureAwait(false) is not null;
        var current = agent with { Mode = mode, LastSeenAt = now };
        return Results.Json(new HeartbeatResponse(current.StatusAt(now, _options.DownAfter), agent.Approved, rekey, agent.KeyVersion), AgentJson.Options);
    }

    public async Task<IResult> RekeyAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        var agent = AgentSessionFilter.Agent(http);
        var request = await ReadAsync<RekeyRequest>(http).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var pending = await _agents.FindPendingRekeyAsync(agent.Id, ct).ConfigureAwait(false);
        if (pending is null)
        {
            return AgentProblems.Forbidden($"No rekey was requested for agent '{agent.Name}'; an admin requests one with `assetbridge agents rekey {agent.Name}`.");
        }

        if (!IsP256KeyAgreementKey(request.SealingKey)
            || !AgentProof.IsFresh(request.Timestamp, now)
            || !AgentProof.Verify(agent.SigningKey, AgentProof.Statement(AgentProof.Rekey, agent.Name, request.Timestamp, _thumbprint, request.SigningKey, request.SealingKey), request.Signature)
            || !AgentProof.Verify(request.SigningKey, AgentProof.Statement(AgentProof.Rekey, agent.Name, request.Timestamp, _thumbprint, request.SigningKey, request.SealingKey), request.NewKeySignature))
        {
            return AgentProblems.Unauthorized("The rekey proof did not verify with the agent's current key; restart the agent so it signs with the key it enrolled.");
        }

        // Checkpoint: the request is consumed first, so one rekey request replaces the keys once.
        if (!await _store.Tokens.ConsumeAsync(pending.Hash, now, ct).ConfigureAwait(false))
        {
            return AgentProblems.Conflict("This rekey request was already completed.");
        }

        await _store.Agents.ReplaceKeysAsync(agent.Id, request.SigningKey, request.SealingKey, ct).ConfigureAwait(false);
        await _store.Tokens.RevokeAgentSessionsAsync(agent.Id, ct).ConfigureAwait(false);
        _logger.LogInformation("Agent {Agent} replaced its keys (key version {Version}); its sessions were revoked.", agent.Name, agent.KeyVersion + 1);
        return Results.Json(new RekeyResponse(agent.KeyVersion + 1), AgentJson.Options);
    }

    internal static async Task<T> ReadAsync<T>(HttpContext http)
        where T : class =>
        await http.Request.ReadFromJsonAsync<T>(AgentJson.Options, http.RequestAborted).ConfigureAwait(false)
        ?? throw new AssetBridgeException(ErrorKind.Usage, "The request has no body; see docs/agent-protocol.md.");

    private static void ValidateName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') || name.All(char.IsAsciiDigit))
        {
            throw new AssetBridgeException(ErrorKind.Usage, $"'{name}' is not a valid agent name; use 1-64 letters, digits, '-', '_' or '.', not only digits.");
        }
    }

    private static bool IsP256KeyAgreementKey(byte[] subjectPublicKeyInfo)
    {
        try
        {
            using var key = ECDiffieHellman.Create();
            key.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
            return key.KeySize == 256;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
