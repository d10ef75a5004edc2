using System.Net.Http.Json;
using System.Net.Security;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using AssetBridge.Core.Agents;
using AssetBridge.Core.Application;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Runs;
using AssetBridge.Server.Api;
using AssetBridge.Server.Security;

namespace AssetBridge.Cli.Remote;

/// <summary>
/// The control plane behind a server's admin API. It returns the same records the local one does, so
/// every command prints the same output either way; a problem body becomes the same
/// <see cref="AssetBridgeException"/> (sentence and kind, hence exit code) it was on the server.
/// </summary>
internal sealed class HttpControlPlane : IControlPlane, IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _server;
    private readonly string? _pinned;
    private string? _presented;

    public HttpControlPlane(Uri server, string token, string? thumbprint)
    {
        _server = server;
        _pinned = thumbprint is null ? null : CertificateThumbprint.Normalize(thumbprint);
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = Validate },
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri(server, "/api/v1/"), Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
    }

    public Task<CredentialInfo> AddCredentialAsync(CredentialDraft draft, CancellationToken cancellationToken) =>
        SendAsync<CredentialInfo>(HttpMethod.Post, "credentials", new CredentialBody(draft.Name, draft.Type, new(draft.Attributes), new(draft.Secret.Reveal())), cancellationToken);

    public Task<IReadOnlyList<CredentialInfo>> ListCredentialsAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<CredentialInfo>>(HttpMethod.Get, "credentials", null, cancellationToken);

    public Task<CredentialInfo> RemoveCredentialAsync(string nameOrId, CancellationToken cancellationToken) =>
        SendAsync<CredentialInfo>(HttpMethod.Delete, $"credentials/{Path(nameOrId)}", null, cancellationToken);

    public Task<Connector> AddConnectorAsync(ConnectorDraft draft, CancellationToken cancellationToken) =>
        SendAsync<Connector>(
            HttpMethod.Post,
            "connectors",
            new ConnectorBody(draft.Name, draft.Kind, draft.Instance, draft.Credential, draft.DeviceTable, [.. draft.Maps], draft.PageSize, draft.MaxConcurrentRequests, draft.Every, draft.Placement)
            {
                VmInstanceTable = draft.VmInstanceTable,
                Subscriptions = [.. draft.Subscriptions],
                AuthorityHost = draft.AuthorityHost,
                ArmEndpoint = draft.ArmEndpoint,
            },
            cancellationToken);

    public Task<IReadOnlyList<Connector>> ListConnectorsAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<Connector>>(HttpMethod.Get, "connectors", null, cancellationToken);

    public Task<Connector> GetConnectorAsync(string nameOrId, CancellationToken cancellationToken) =>
        SendAsync<Connector>(HttpMethod.Get, $"connectors/{Path(nameOrId)}", null, cancellationToken);

    public IAsyncEnumerable<ProbeCheck> TestConnectorAsync(string nameOrId, CancellationToken cancellationToken) =>
        StreamAsync<ProbeCheck>(HttpMethod.Post, $"connectors/{Path(nameOrId)}/test", cancellationToken);

    public Task<Connector> RemoveConnectorAsync(string nameOrId, CancellationToken cancellationToken) =>
        SendAsync<Connector>(HttpMethod.Delete, $"connectors/{Path(nameOrId)}", null, cancellationToken);

    public Task<Connector> ScheduleConnectorAsync(string nameOrId, TimeSpan? every, CancellationToken cancellationToken) =>
        SendAsync<Connector>(HttpMethod.Put, $"connectors/{Path(nameOrId)}/schedule", new ScheduleBody(every), cancellationToken);

    public Task<Connector> PlaceConnectorAsync(string nameOrId, AgentPlacement placement, CancellationToken cancellationToken) =>
        SendAsync<Connector>(HttpMethod.Put, $"connectors/{Path(nameOrId)}/placement", placement, cancellationToken);

    public Task<StartedRun> StartSyncAsync(string connectorNameOrId, SyncMode mode, CancellationToken cancellationToken) =>
        SendAsync<StartedRun>(HttpMethod.Post, $"connectors/{Path(connectorNameOrId)}/sync", new SyncBody(mode), cancellationToken);

    public Task<RunStatus> GetRunAsync(long runId, CancellationToken cancellationToken) =>
        SendAsync<RunStatus>(HttpMethod.Get, $"runs/{runId}", null, cancellationToken);

    public Task<IReadOnlyList<SyncRun>> ListRunsAsync(string? connectorNameOrId, int limit, CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<SyncRun>>(HttpMethod.Get, $"runs?limit={limit}{(connectorNameOrId is null ? string.Empty : "&connector=" + Path(connectorNameOrId))}", null, cancellationToken);

    public IAsyncEnumerable<InventoryEntry> ReadDevicesAsync(DeviceFilter filter, CancellationToken cancellationToken)
    {
        var query = $"devices?includeDeleted={(filter.IncludeDeleted ? "true" : "false")}"
            + (filter.Connector is { } c ? "&connector=" + Path(c) : string.Empty)
            + (filter.MinCriticality is { } m ? $"&minCriticality={m}" : string.Empty)
            + (filter.InternetFacingOnly ? "&internetFacing=true" : string.Empty);
        return StreamAsync<InventoryEntry>(HttpMethod.Get, query, cancellationToken);
    }

    public Task<IReadOnlyList<AgentView>> ListAgentsAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<AgentView>>(HttpMethod.Get, "agents", null, cancellationToken);

    public Task<AgentView> ChangeAgentAsync(string nameOrId, AgentAction action, CancellationToken cancellationToken) =>
        SendAsync<AgentView>(HttpMethod.Post, $"agents/{Path(nameOrId)}/{action.ToString().ToLowerInvariant()}", null, cancellationToken);

    public Task<EnrollmentToken> CreateEnrollmentTokenAsync(TimeSpan expiresIn, bool autoApprove, CancellationToken cancellationToken) =>
        SendAsync<EnrollmentToken>(HttpMethod.Post, "agents/enrollment-tokens", new EnrollmentBody(expiresIn, autoApprove), cancellationToken);

    public Task<AgentCluster> SaveClusterAsync(AgentCluster cluster, CancellationToken cancellationToken) =>
        SendAsync<AgentCluster>(HttpMethod.Put, $"clusters/{Path(cluster.Name)}", new ClusterBody(cluster.Mode, [.. cluster.Members]), cancellationToken);

    public Task<IReadOnlyList<AgentCluster>> ListClustersAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<AgentCluster>>(HttpMethod.Get, "clusters", null, cancellationToken);

    public async Task RemoveClusterAsync(string name, CancellationToken cancellationToken)
    {
        using var response = await ExchangeAsync(HttpMethod.Delete, $"clusters/{Path(name)}", null, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await ExchangeAsync(method, path, body, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<T>(ControlPlaneJson.Options, cancellationToken).ConfigureAwait(false)
            ?? throw new AssetBridgeException(ErrorKind.BadResponse, $"The AssetBridge server at {_server} answered {path} with an empty body; check that --server names an AssetBridge server.");
    }

    private async IAsyncEnumerable<T> StreamAsync<T>(HttpMethod method, string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await ExchangeAsync(method, path, null, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await foreach (var item in JsonSerializer.DeserializeAsyncEnumerable<T>(stream, ControlPlaneJson.Options, cancellationToken).ConfigureAwait(false))
            {
                yield return item!;
            }
        }
    }

    private async Task<HttpResponseMessage> ExchangeAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: ControlPlaneJson.Options);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException error)
        {
            throw Unreachable(error);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ProblemReader.ReadAsync(response, _server, cancellationToken).ConfigureAwait(false);
        }
    }

    private AssetBridgeException Unreachable(HttpRequestException error)
    {
        if (_pinned is not null && _presented is not null && _presented != _pinned)
        {
            return new AssetBridgeException(
                ErrorKind.Unreachable,
                $"The server at {_server} presented a certificate with SHA-256 thumbprint {_presented}, but {_pinned} was expected; check --server-thumbprint (or ASSETBRIDGE_SERVER_THUMBPRINT) against the thumbprint the server printed at start.",
                error);
        }

        if (_pinned is null && _presented is not null)
        {
            return new AssetBridgeException(
                ErrorKind.Unreachable,
                $"The server at {_server} presented a certificate this machine does not trust (SHA-256 thumbprint {_presented}); pin it with --server-thumbprint if that is the thumbprint the server printed at start.",
                error);
        }

        return new AssetBridgeException(ErrorKind.Unreachable, $"Could not reach the AssetBridge server at {_server} ({error.Message.TrimEnd('.')}); check --server (or ASSETBRIDGE_SERVER) and that the server is running.", error);
    }

    private bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            return false;
        }

        var presented = CertificateThumbprint.Of(certificate);
        if (_pinned is not null)
        {
            _presented = presented;
            return presented == _pinned;
        }

        if (errors != SslPolicyErrors.None)
        {
            _presented = presented;
            return false;
        }

        return true;
    }

    private static string Path(string segment) => Uri.EscapeDataString(segment);
}
