using System.Net;
using AssetBridge.Connectors.ServiceNow.Authentication;
using AssetBridge.Connectors.ServiceNow.Mapping;
using AssetBridge.Connectors.ServiceNow.Operations;
using AssetBridge.Connectors.ServiceNow.Planning;
using AssetBridge.Connectors.ServiceNow.Probe;
using AssetBridge.Connectors.ServiceNow.TableApi;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Operations;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Connectors.ServiceNow;

/// <summary>
/// The ServiceNow connector, composed once per process: the CMDB operations (one per table), the sync planner,
/// the Basic and OAuth authenticator providers and the connector probe, sharing one HTTP client and
/// one set of per-instance gates (so every job to an instance obeys the same rate-limit blackout).
/// Dispose it when the process ends.
/// </summary>
public sealed class ServiceNowModule : IDisposable
{
    private readonly HttpClient _http;
    private readonly TableApiClient _client;
    private readonly TimeProvider _time;

    private ServiceNowModule(HttpClient http, TableApiClient client, TimeProvider time, ILoggerFactory loggers, TableApiClientOptions options)
    {
        _http = http;
        _client = client;
        _time = time;
        // The ServiceNow kinds only: EntityKind also names kinds other connectors read (CloudVm).
        Operations = EntityFields.All.Select(fields => (IOperation)new ListTableOperation(fields.Kind, client, http)).ToList();
        Planner = new ServiceNowSyncPlanner();
        AuthenticatorProviders =
        [
            new BasicAuthenticatorProvider(),
            new OAuthAuthenticatorProvider(options, time, loggers.CreateLogger("AssetBridge.Connectors.ServiceNow.OAuth")),
        ];
    }

    /// <summary>The operations to register in the agent's operation map (<c>servicenow-cmdb-1.0-List…</c>).</summary>
    public IReadOnlyList<IOperation> Operations { get; }

    /// <summary>The planner for connector kind <c>servicenow</c>.</summary>
    public ISyncPlanner Planner { get; }

    /// <summary>Providers for <c>servicenow-basic</c> and <c>servicenow-oauth</c> credentials.</summary>
    public IReadOnlyList<IAuthenticatorProvider> AuthenticatorProviders { get; }

    /// <summary>The process's HTTP client to ServiceNow, for <see cref="AuthenticationTarget"/>s built outside the module.</summary>
    public HttpMessageInvoker Http => _http;

    /// <summary>Builds the module; <paramref name="options"/> are validated here and fail with a sentence.</summary>
    public static ServiceNowModule Create(TableApiClientOptions? options, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggers);
        options ??= new TableApiClientOptions();
        options.Validate();

        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionLifetime = options.PooledConnectionLifetime,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,

            // A redirect means a wrong URL or a login page; following it would only hide that.
            AllowAutoRedirect = false,

            // Jobs with different credentials share connections; a session cookie must not carry one
            // account's session into another's requests.
            UseCookies = false,
        };
        var http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        var client = new TableApiClient(http, options, new InstanceGates(options.RateLimitCooldown, time), time, loggers.CreateLogger("AssetBridge.Connectors.ServiceNow.TableApi"));
        return new ServiceNowModule(http, client, time, loggers, options);
    }

    /// <summary>
    /// The probe behind <c>connector test</c>. <paramref name="authenticate"/> is the credential seam:
    /// it opens the connector's credential and returns an authenticator for the given target, e.g.
    /// <c>(c, target, ct) =&gt; provider(opened.Info.Type).Create(await vault.OpenAsync(c.CredentialId, ct), target)</c>.
    /// </summary>
    public IConnectorProbe CreateProbe(ServiceNowProbeAuthenticatorFactory authenticate)
    {
        ArgumentNullException.ThrowIfNull(authenticate);
        return new ServiceNowConnectorProbe(_client, _http, authenticate, new NetworkChecks(_time));
    }

    public void Dispose() => _http.Dispose();
}
