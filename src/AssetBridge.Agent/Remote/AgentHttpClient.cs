using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Authentication;
using System.Text.Json;
using AssetBridge.Agent.Protocol;
using AssetBridge.Core.Agents;
using AssetBridge.Core.Errors;

namespace AssetBridge.Agent.Remote;

/// <summary>
/// The agent's HTTPS client: JSON over a pinned connection, a session opened by signing a proof with the
/// agent's key and reopened when the server says it lapsed, and server errors turned into typed
/// exceptions carrying the server's sentence.
/// </summary>
internal sealed class AgentHttpClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly ServerPin _pin;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _sessionLock = new(1, 1);
    private AgentIdentity? _identity;
    private string? _session;

    public AgentHttpClient(Uri server, ServerPin pin, TimeProvider time, Func<HttpMessageHandler, HttpMessageHandler>? wrap, TimeSpan timeout)
    {
        _pin = pin;
        _time = time;
        HttpMessageHandler handler = pin.CreateHandler();
        _http = new HttpClient(wrap is null ? handler : wrap(handler)) { BaseAddress = server, Timeout = timeout };
    }

    public ServerPin Pin => _pin;

    /// <summary>The identity requests are signed with; replacing it (rekey) drops the session.</summary>
    public AgentIdentity? Identity
    {
        get => Volatile.Read(ref _identity);
        set
        {
            Volatile.Write(ref _identity, value);
            Volatile.Write(ref _session, null);
        }
    }

    /// <summary>Sends a JSON POST; null when the server answered 204. Session routes open a session first when needed.</summary>
    public async Task<T?> PostAsync<T>(string path, object? body, bool authenticated, CancellationToken cancellationToken)
        where T : class
    {
        for (var attempt = 0; ; attempt++)
        {
            var session = authenticated ? await SessionAsync(cancellationToken).ConfigureAwait(false) : null;
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: AgentJson.Options) };
            if (session is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session);
            }

            using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized && authenticated && attempt == 0)
            {
                // The session lapsed or was revoked (rekey): open a new one and try once more.
                Interlocked.CompareExchange(ref _session, null, session);
                continue;
            }

            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw await ErrorAsync(response, cancellationToken).ConfigureAwait(false);
            }

            return await response.Content.ReadFromJsonAsync<T>(AgentJson.Options, cancellationToken).ConfigureAwait(false)
                ?? throw new AssetBridgeException(ErrorKind.BadResponse, $"The server answered {path} with an empty body; upgrade the agent to the server's version.");
        }
    }

    /// <summary>A POST authorised by a bearer token other than a session (enrolment).</summary>
    public async Task<T> PostWithBearerAsync<T>(string path, object body, string bearer, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: AgentJson.Options) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, cancellationToken).ConfigureAwait(false);
        }

        return await response.Content.ReadFromJsonAsync<T>(AgentJson.Options, cancellationToken).ConfigureAwait(false)
            ?? throw new AssetBridgeException(ErrorKind.BadResponse, $"The server answered {path} with an empty body; upgrade the agent to the server's version.");
    }

    /// <summary>The statement for <paramref name="purpose"/>, signed with the current identity and the pinned thumbprint.</summary>
    public (long Timestamp, byte[] Signature) Prove(AgentIdentity identity, string purpose, byte[]? signingKey = null, byte[]? sealingKey = null)
    {
        var timestamp = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var statement = AgentProof.Statement(purpose, identity.Name, timestamp, _pin.Pinned ?? string.Empty, signingKey, sealingKey);
        return (timestamp, AgentProof.Sign(identity.Signing, statement));
    }

    /// <summary>Connects once, to learn (and pin, when nothing is pinned yet) the server's certificate.</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, AgentRoutes.Prefix + "/");
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _http.Dispose();
        _sessionLock.Dispose();
    }

    private async Task<string> SessionAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _session) is { } current)
        {
            return current;
        }

        await _sessionLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _session) is { } opened)
            {
                return opened;
            }

            var identity = Identity ?? throw new InvalidOperationException("No agent identity to open a session with.");
            var (timestamp, signature) = Prove(identity, AgentProof.Session);
            var response = await PostAsync<SessionResponse>(AgentRoutes.Sessions, new SessionRequest(identity.Name, timestamp, signature), authenticated: false, cancellationToken).ConfigureAwait(false)
                ?? throw new AssetBridgeException(ErrorKind.BadResponse, "The server opened no session; upgrade the agent to the server's version.");
            Volatile.Write(ref _session, response.Token);
            return response.Token;
        }
        finally
        {
            _sessionLock.Release();
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException error) when (_pin.LastRefused is not null && Has<AuthenticationException>(error))
        {
            throw _pin.Mismatch();
        }
        catch (HttpRequestException error)
        {
            throw new AssetBridgeException(ErrorKind.Unreachable, $"The server at {_http.BaseAddress} cannot be reached ({error.HttpRequestError}); check that it runs and that this machine can reach it.", error);
        }
        catch (TaskCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AssetBridgeException(ErrorKind.Unreachable, $"The server at {_http.BaseAddress} did not answer in time; check that it runs and is not overloaded.", error);
        }
    }

    private static async Task<AgentRequestException> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string? detail = null;
        try
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            detail = document.RootElement.TryGetProperty("detail", out var value) ? value.GetString() : null;
        }
        catch (JsonException)
        {
        }

        var status = response.StatusCode;
        var kind = (int)status switch
        {
            401 or 403 => ErrorKind.Authentication,
            400 => ErrorKind.Usage,
            404 => ErrorKind.BadResponse,
            409 => ErrorKind.Conflict,
            408 or 429 or >= 500 => ErrorKind.Transient,
            _ => ErrorKind.BadResponse,
        };
        return new AgentRequestException(status, kind, detail ?? $"The server answered {(int)status} {response.ReasonPhrase}; see its log.");
    }

    private static bool Has<TException>(Exception error)
        where TException : Exception
    {
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            if (current is TException)
            {
                return true;
            }
        }

        return false;
    }
}
