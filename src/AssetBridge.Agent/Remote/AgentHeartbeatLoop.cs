using AssetBridge.Agent.Protocol;
using AssetBridge.Core.Agents;
using AssetBridge.Core.Errors;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Agent.Remote;

/// <summary>
/// Tells the server the agent is alive (and whether it is draining), and does what the answer asks:
/// when an admin requested a rekey, makes new keys, has the server accept them (signed with the old
/// and the new signing key), saves them owner-only and switches to them.
/// </summary>
internal sealed class AgentHeartbeatLoop
{
    private readonly AgentHttpClient _client;
    private readonly string _dataDirectory;
    private readonly RemoteAgentOptions _options;
    private readonly Backoff _backoff;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private AgentStatus? _lastStatus;

    public AgentHeartbeatLoop(AgentHttpClient client, string dataDirectory, RemoteAgentOptions options, Backoff backoff, TimeProvider time, ILogger logger)
    {
        _client = client;
        _dataDirectory = dataDirectory;
        _options = options;
        _backoff = backoff;
        _time = time;
        _logger = logger;
    }

    public bool Draining { get; set; }

    /// <summary>The first heartbeat: retried with backoff while the server is away; a refusal (pin, removed agent) is fatal.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await BeatAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (AssetBridgeException error) when (error.IsRetryable)
            {
                var (delay, first) = _backoff.Fail();
                if (first)
                {
                    _logger.LogWarning("{Error} Retrying with backoff.", error.Message);
                }

                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.HeartbeatInterval, _time, cancellationToken).ConfigureAwait(false);
                await BeatAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (AssetBridgeException error) when (error.IsRetryable)
            {
                if (_backoff.Fail().First)
                {
                    _logger.LogWarning("{Error} Retrying with backoff.", error.Message);
                }
            }
            catch (AssetBridgeException error)
            {
                _logger.LogWarning("Heartbeat failed: {Error}", error.Message);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                // A rekey that could not save its keys: the server may hold keys this agent lost; say so loudly.
                _logger.LogError(error, "Replacing the agent's keys failed; if the agent cannot open a session afterwards, enrol it again.");
            }
        }
    }

    public async Task BeatQuietlyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            await BeatAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is AssetBridgeException or OperationCanceledException)
        {
            _logger.LogWarning("Could not tell the server this agent is draining; its jobs return to the queue when their leases expire.");
        }
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        var response = await _client.PostAsync<HeartbeatResponse>(AgentRoutes.Heartbeat, new HeartbeatRequest(Draining, RemoteAgent.Version), authenticated: true, cancellationToken).ConfigureAwait(false)
            ?? throw new AssetBridgeException(ErrorKind.BadResponse, "The server sent an empty heartbeat answer; upgrade the agent to the server's version.");
        if (_backoff.Succeed())
        {
            _logger.LogInformation("Reconnected to the server.");
        }

        if (response.Status != _lastStatus)
        {
            _lastStatus = response.Status;
            _logger.LogInformation(
                response.Approved ? "Agent status: {Status}." : "Agent status: {Status}; it gets no work until an admin approves it.",
                response.Status);
        }

        if (response.Rekey && !Draining)
        {
            await RekeyAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RekeyAsync(CancellationToken cancellationToken)
    {
        var current = _client.Identity!;
        var (signing, sealing) = AgentIdentity.NewKeys();
        var next = current.WithKeys(signing, sealing, current.Settings.KeyVersion);
        var signingKey = next.SigningPublicKey;
        var sealingKey = next.SealingPublicKey;
        var (timestamp, signature) = _client.Prove(current, AgentProof.Rekey, signingKey, sealingKey);
        var statement = AgentProof.Statement(AgentProof.Rekey, current.Name, timestamp, _client.Pin.Pinned!, signingKey, sealingKey);
        var newKeySignature = AgentProof.Sign(signing, statement);
        RekeyResponse? response;
        try
        {
            response = await _client.PostAsync<RekeyResponse>(AgentRoutes.Rekey, new RekeyRequest(signingKey, sealingKey, timestamp, signature, newKeySignature), authenticated: true, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            next.Dispose();
            throw;
        }

        // Checkpoint: the server holds only the new public keys now, so the agent switches at once (its old
        // sessions are gone) and then saves the private keys; a failed save is logged by the caller.
        var replaced = current.WithKeys(signing, sealing, response?.KeyVersion ?? current.Settings.KeyVersion + 1);
        _client.Identity = replaced;
        replaced.Save(_dataDirectory);
        _logger.LogInformation("Agent {Agent} replaced its keys (key version {Version}).", replaced.Name, replaced.Settings.KeyVersion);
    }
}
