using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using AssetBridge.Connectors.Azure;
using AssetBridge.Connectors.Azure.Settings;
using AssetBridge.Connectors.ServiceNow;
using AssetBridge.Core.Application;
using AssetBridge.Connectors.ServiceNow.Settings;
using AssetBridge.Connectors.ServiceNow.TableApi;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Operations;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Server.Composition;

/// <summary>The connector kinds this build knows (ServiceNow, Azure): their planners, operations, authenticators and probes.</summary>
public sealed class ConnectorModules : IConnectorCatalog, IDisposable
{
    /// <summary>Overrides the first retry delay of transient faults (milliseconds); for tests and slow links.</summary>
    public const string RetryBaseDelayVariable = "ASSETBRIDGE_RETRY_BASE_DELAY_MS";

    /// <summary>Overrides how many times a request is tried before its job fails.</summary>
    public const string RetryAttemptsVariable = "ASSETBRIDGE_RETRY_ATTEMPTS";

    /// <summary>
    /// A PEM file of root certificates trusted for Azure endpoints besides the system store: an Azure
    /// Stack Hub or a TLS-inspecting proxy signed by a private CA. Adds trust; never removes a check.
    /// </summary>
    public const string ExtraCaFileVariable = "ASSETBRIDGE_EXTRA_CA_FILE";

    private readonly ServiceNowModule _serviceNow;
    private readonly AzureModule _azure;

    private ConnectorModules(ServiceNowModule serviceNow, AzureModule azure)
    {
        _serviceNow = serviceNow;
        _azure = azure;
        Planners = [serviceNow.Planner, azure.Planner];
        Operations = [.. serviceNow.Operations, .. azure.Operations];
        AuthenticatorProviders = [.. serviceNow.AuthenticatorProviders, .. azure.AuthenticatorProviders];
    }

    public IReadOnlyList<ISyncPlanner> Planners { get; }

    public IReadOnlyList<IOperation> Operations { get; }

    public IReadOnlyList<IAuthenticatorProvider> AuthenticatorProviders { get; }

    /// <param name="extraTrustedRoots">
    /// Roots trusted besides the system store (which honours SSL_CERT_FILE) for Azure endpoints: the
    /// demo's emulator. Certificate validation is never switched off.
    /// </param>
    public static ConnectorModules Create(TimeProvider time, ILoggerFactory loggers, Func<string, string?> environment, X509Certificate2Collection? extraTrustedRoots = null)
    {
        var options = new TableApiClientOptions();
        var azure = new AzureModuleOptions { ExtraTrustedRoots = Roots(environment, extraTrustedRoots) };
        if (Number(environment, RetryBaseDelayVariable) is { } delay)
        {
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(delay);
            azure.RetryBaseDelay = TimeSpan.FromMilliseconds(delay);
        }

        if (Number(environment, RetryAttemptsVariable) is { } attempts)
        {
            options.MaxAttempts = attempts;
            azure.MaxAttempts = attempts;
        }

        var serviceNow = ServiceNowModule.Create(options, time, loggers);
        try
        {
            return new ConnectorModules(serviceNow, AzureModule.Create(azure, time, loggers));
        }
        catch
        {
            serviceNow.Dispose();
            throw;
        }
    }

    /// <summary>Validates a ServiceNow connector's inputs; returns its target (instance root URL) and settings JSON.</summary>
    public static (string Target, string SettingsJson) DescribeServiceNow(string instance, string? deviceTable, IReadOnlyList<string> maps, int? pageSize, int? maxConcurrentRequests, string? vmInstanceTable = null)
    {
        var root = ServiceNowConnectorSettings.ValidateInstanceUrl(instance);
        var settings = ServiceNowConnectorSettings.Create(deviceTable, maps, pageSize, maxConcurrentRequests, vmInstanceTable);
        return (root.ToString(), settings.ToJson());
    }

    /// <summary>Validates a draft of a kind this build knows.</summary>
    public (string Target, string SettingsJson) Describe(ConnectorDraft draft) => draft.Kind.ToLowerInvariant() switch
    {
        ConnectorKinds.ServiceNow => DescribeServiceNow(draft.Instance, draft.DeviceTable, draft.Maps, draft.PageSize, draft.MaxConcurrentRequests, draft.VmInstanceTable),
        ConnectorKinds.Azure => AzureConnectorSettings.Describe(draft.Subscriptions, draft.AuthorityHost, draft.ArmEndpoint),
        _ => throw new AssetBridgeException(ErrorKind.Usage, $"'{draft.Kind}' is not a connector kind this build knows; use {ConnectorKinds.ServiceNow} or {ConnectorKinds.Azure}."),
    };

    /// <summary>Runs the connector kind's probe, opening the connector's credential from the vault for it.</summary>
    public IAsyncEnumerable<ProbeCheck> TestAsync(Connector connector, ICredentialVault vault, CancellationToken cancellationToken)
    {
        var factory = new Agent.Credentials.CredentialFactory(AuthenticatorProviders);
        var probe = connector.Kind.ToLowerInvariant() switch
        {
            ConnectorKinds.ServiceNow => _serviceNow.CreateProbe(async (c, target, ct) =>
                factory.Create(await vault.OpenAsync(c.CredentialId, ct).ConfigureAwait(false), target)),
            ConnectorKinds.Azure => _azure.CreateProbe(async (c, target, ct) =>
                factory.Create(await vault.OpenAsync(c.CredentialId, ct).ConfigureAwait(false), target)),
            _ => throw new AssetBridgeException(ErrorKind.Configuration, $"Connector '{connector.Name}' is of kind '{connector.Kind}', which this build cannot test; upgrade AssetBridge."),
        };
        return probe.TestAsync(connector, cancellationToken);
    }

    public void Dispose()
    {
        _serviceNow.Dispose();
        _azure.Dispose();
    }

    private static X509Certificate2Collection? Roots(Func<string, string?> environment, X509Certificate2Collection? given)
    {
        var path = environment(ExtraCaFileVariable);
        if (string.IsNullOrWhiteSpace(path))
        {
            return given;
        }

        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new AssetBridgeException(ErrorKind.Usage, $"{ExtraCaFileVariable} names '{path}', which could not be read as PEM certificates ({e.Message}); point it at a readable PEM file or unset it.");
        }

        if (roots.Count == 0)
        {
            throw new AssetBridgeException(ErrorKind.Usage, $"{ExtraCaFileVariable} names '{path}', which holds no PEM certificate; point it at a PEM file of root certificates or unset it.");
        }

        if (given is not null)
        {
            roots.AddRange(given);
        }

        return roots;
    }

    private static int? Number(Func<string, string?> environment, string name)
    {
        var text = environment(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new AssetBridgeException(ErrorKind.Usage, $"{name} must be a positive whole number, not '{text}'.");
    }
}
