using System.Net;
using AssetBridge.Connectors.Azure.Arm;
using AssetBridge.Connectors.Azure.Authentication;
using AssetBridge.Connectors.Azure.Operations;
using AssetBridge.Connectors.Azure.Planning;
using AssetBridge.Connectors.Azure.Probe;
using AssetBridge.Connectors.Azure.Transport;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Operations;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Connectors.Azure;

/// <summary>
/// The Azure connector, composed once per process: the GetSubscriptions and ListNodes operations, the
/// sync planner, the service-principal and managed-identity authenticator providers and the connector
/// probe, sharing one HTTP stack (one TLS trust for Entra ID and ARM) and one set of read budgets (so
/// every job of a principal in a subscription paces itself by the same ARM bucket). Dispose it when
/// the process ends.
/// </summary>
public sealed class AzureModule : IDisposable
{
    private readonly HttpClient _http;
    private readonly ArmClient _client;
    private readonly ServerTrust _trust;
    private readonly TimeProvider _time;

    private AzureModule(HttpClient http, ArmClient client, ServerTrust trust, TimeProvider time, ILoggerFactory loggers, AzureModuleOptions options)
    {
        _http = http;
        _client = client;
        _trust = trust;
        _time = time;
        Operations = [new GetSubscriptionsOperation(client, http), new ListNodesOperation(client, http)];
        Planner = new AzureSyncPlanner();
        var logger = loggers.CreateLogger("AssetBridge.Connectors.Azure.Entra");
        AuthenticatorProviders =
        [
            new ServicePrincipalAuthenticatorProvider(options, trust, logger),
            new ManagedIdentityAuthenticatorProvider(options, trust, logger),
        ];
    }

    /// <summary>The operations to register in the agent's operation map (<c>azure-resources-1.0-GetSubscriptions</c>, <c>azure-compute-1.0-ListNodes</c>).</summary>
    public IReadOnlyList<IOperation> Operations { get; }

    /// <summary>The planner for connector kind <c>azure</c>.</summary>
    public ISyncPlanner Planner { get; }

    /// <summary>Providers for <c>azure-sp</c> and <c>azure-managed-identity</c> credentials.</summary>
    public IReadOnlyList<IAuthenticatorProvider> AuthenticatorProviders { get; }

    /// <summary>The process's HTTP client to Entra ID and ARM, for <see cref="AuthenticationTarget"/>s built outside the module.</summary>
    public HttpMessageInvoker Http => _http;

    /// <summary>Builds the module; <paramref name="options"/> (null for the defaults) are validated here and fail with a sentence.</summary>
    public static AzureModule Create(AzureModuleOptions? options, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggers);
        options ??= new AzureModuleOptions();
        options.Validate();

        var trust = new ServerTrust(options.ExtraTrustedRoots);
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionLifetime = options.PooledConnectionLifetime,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,

            // A redirect would carry the bearer token to wherever it points; ARM and Entra ID do not redirect reads.
            AllowAutoRedirect = false,

            // Jobs of different principals share connections; no cookie may carry one's session into another's.
            UseCookies = false,
        };
        handler.SslOptions.RemoteCertificateValidationCallback = trust.Validate;
        var http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        var client = new ArmClient(http, options, new ReadBudgets(options, time), trust, time, loggers.CreateLogger("AssetBridge.Connectors.Azure.Arm"));
        return new AzureModule(http, client, trust, time, loggers, options);
    }

    /// <summary>
    /// The probe behind <c>connector test</c>. <paramref name="authenticate"/> is the credential seam:
    /// it opens the connector's credential and returns an authenticator for the given target, e.g.
    /// <c>(c, target, ct) =&gt; provider(opened.Info.Type).Create(await vault.OpenAsync(c.CredentialId, ct), target)</c>.
    /// </summary>
    public IConnectorProbe CreateProbe(AzureProbeAuthenticatorFactory authenticate)
    {
        ArgumentNullException.ThrowIfNull(authenticate);
        return new AzureConnectorProbe(_client, _http, authenticate, new NetworkChecks(_trust, _time));
    }

    public void Dispose() => _http.Dispose();
}
