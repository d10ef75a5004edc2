using AssetBridge.Agent.Credentials;
using AssetBridge.Agent.Execution;
using AssetBridge.Agent.Protocol;
using AssetBridge.Agent.Runtime;
using AssetBridge.Core.Agents;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Operations;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Agent.Remote;

/// <summary>The remote agent's entry points: <c>agent enroll</c> and <c>agent run</c>.</summary>
public static class RemoteAgent
{
    /// <summary>
    /// Enrols this machine as an agent: makes its two key pairs, pins the server certificate (the
    /// thumbprint given, or the one first seen, which is printed so an operator can compare it), proves
    /// it holds the signing key, and keeps the private keys in <paramref name="dataDirectory"/> (owner-only).
    /// </summary>
    public static Task EnrollAsync(AgentEnrollment request, string dataDirectory, TextWriter output, CancellationToken cancellationToken) =>
        EnrollAsync(request, dataDirectory, output, TimeProvider.System, null, cancellationToken);

    internal static async Task EnrollAsync(AgentEnrollment request, string dataDirectory, TextWriter output, TimeProvider time, Func<HttpMessageHandler, HttpMessageHandler>? wrap, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.Server.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase))
        {
            throw new AssetBridgeException(ErrorKind.Usage, $"The server address must start with https:// (agents pin the server's certificate), not '{request.Server}'.");
        }

        if (AgentIdentity.Exists(dataDirectory))
        {
            throw new AssetBridgeException(ErrorKind.Conflict, $"An agent is already enrolled in '{dataDirectory}'; use another data directory, or delete {AgentIdentity.SettingsFile} and {AgentIdentity.KeyFile} there to enrol afresh.");
        }

        if (request.ServerThumbprint is { } given && AgentProof.NormalizeThumbprint(given).Length != 64)
        {
            throw new AssetBridgeException(ErrorKind.Usage, $"'{given}' is not a SHA-256 thumbprint; it has 64 hex digits (colons allowed).");
        }

        _ = IpRangeSet.Parse(request.IpRanges);
        var pin = new ServerPin(request.Server, request.ServerThumbprint);
        using var client = new AgentHttpClient(request.Server, pin, time, wrap, TimeSpan.FromSeconds(60));
        await client.ProbeAsync(cancellationToken).ConfigureAwait(false);
        if (request.ServerThumbprint is null)
        {
            await output.WriteLineAsync($"The server's certificate has SHA-256 thumbprint {pin.Pinned}; this agent now trusts only that certificate. Compare it with the thumbprint the server prints at start-up.").ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync($"The server's certificate matches the thumbprint given ({pin.Pinned}).").ConfigureAwait(false);
        }

        var (signing, sealing) = AgentIdentity.NewKeys();
        var provisional = new AgentIdentity(new AgentSettings(request.Server, request.Name, 0, pin.Pinned!, 1), signing, sealing);
        try
        {
            var signingKey = provisional.SigningPublicKey;
            var sealingKey = provisional.SealingPublicKey;
            var (timestamp, signature) = client.Prove(provisional, AgentProof.Enroll, signingKey, sealingKey);
            var body = new EnrollRequest(request.Name, request.Capabilities, request.IpRanges, signingKey, sealingKey, timestamp, signature, Environment.MachineName, Version);
            var response = await client.PostWithBearerAsync<EnrollResponse>(AgentRoutes.Enroll, body, request.EnrollmentToken, cancellationToken).ConfigureAwait(false);
            using var identity = new AgentIdentity(provisional.Settings with { AgentId = response.AgentId, KeyVersion = response.KeyVersion }, signing, sealing);
            identity.Save(dataDirectory);
            await output.WriteLineAsync(response.Approved
                ? $"Enrolled as agent '{response.Name}'; it is approved and gets work once `assetbridge agent run` starts."
                : $"Enrolled as agent '{response.Name}'; it gets work once an admin approves it: assetbridge agents approve {response.Name}").ConfigureAwait(false);
        }
        finally
        {
            provisional.Dispose();
        }
    }

    /// <summary>
    /// Runs the enrolled agent until <paramref name="cancellationToken"/> fires (SIGTERM), then drains:
    /// tells the server it is Draining, lets running jobs finish for up to
    /// <see cref="RemoteAgentOptions.DrainTimeout"/>, and hands back the rest.
    /// </summary>
    public static async Task RunAsync(
        string dataDirectory,
        IReadOnlyList<IOperation> operations,
        IReadOnlyList<IAuthenticatorProvider> authenticatorProviders,
        RemoteAgentOptions options,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        options.Validate();
        var identity = AgentIdentity.Load(dataDirectory);
        var logger = loggers.CreateLogger("AssetBridge.Agent.Remote");
        var pin = new ServerPin(identity.Settings.Server, identity.Settings.ServerThumbprint);
        using var client = new AgentHttpClient(identity.Settings.Server, pin, time, options.WrapHandler, options.ClaimWait + TimeSpan.FromSeconds(30)) { Identity = identity };
        var backoff = new Backoff(options.ReconnectBaseDelay, options.ReconnectMaxDelay, new Random());
        var channel = new HttpAgentChannel(client, options, backoff, time, logger);
        var agentOptions = new AgentOptions
        {
            Name = identity.Name,
            Concurrency = options.Concurrency,
            HeartbeatInterval = options.HeartbeatInterval,
            LeaseDuration = options.HeartbeatInterval * 4,
            IdlePollInterval = TimeSpan.FromMilliseconds(50),
        };
        var executor = new JobExecutor(channel, new OperationMap(operations), new CredentialFactory(authenticatorProviders), agentOptions, time, logger);
        var runtime = new AgentRuntime(channel, executor, agentOptions, time, logger);
        var heartbeat = new AgentHeartbeatLoop(client, dataDirectory, options, backoff, time, logger);

        logger.LogInformation("Agent {Agent} connecting to {Server} (certificate {Thumbprint}).", identity.Name, identity.Settings.Server, identity.Settings.ServerThumbprint);
        await heartbeat.ConnectAsync(cancellationToken).ConfigureAwait(false);
        using var stopHeartbeat = new CancellationTokenSource();
        using var abortJobs = new CancellationTokenSource();
        var beating = heartbeat.RunAsync(stopHeartbeat.Token);
        var working = runtime.RunAsync(cancellationToken, abortJobs.Token);
        // Returns on SIGTERM, or when a worker stopped for good (agent removed, key refused): awaited below.
        await Task.WhenAny(working, Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken)).ConfigureAwait(false);

        // Checkpoint: drain — no new claims; running jobs finish or are handed back after the timeout.
        heartbeat.Draining = true;
        logger.LogInformation("Agent {Agent} draining: running jobs have {Timeout} to finish.", identity.Name, options.DrainTimeout);
        await heartbeat.BeatQuietlyAsync(CancellationToken.None).ConfigureAwait(false);
        abortJobs.CancelAfter(options.DrainTimeout);
        try
        {
            await working.ConfigureAwait(false);
        }
        finally
        {
            await stopHeartbeat.CancelAsync().ConfigureAwait(false);
            await beating.ConfigureAwait(false);
            client.Identity?.Dispose();
            logger.LogInformation("Agent {Agent} stopped.", identity.Name);
        }
    }

    internal static string? Version => typeof(RemoteAgent).Assembly.GetName().Version?.ToString();
}
