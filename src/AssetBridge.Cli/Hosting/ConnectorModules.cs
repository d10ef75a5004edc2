using AssetBridge.Core.Connectors;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Operations;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Cli.Hosting;

/// <summary>The connector kinds this build knows: their planners, operations, authenticators and probes.</summary>
public sealed class ConnectorModules : IDisposable
{
    private ConnectorModules(IReadOnlyList<ISyncPlanner> planners, IReadOnlyList<IOperation> operations, IReadOnlyList<IAuthenticatorProvider> authenticators)
    {
        Planners = planners;
        Operations = operations;
        AuthenticatorProviders = authenticators;
    }

    public IReadOnlyList<ISyncPlanner> Planners { get; }

    public IReadOnlyList<IOperation> Operations { get; }

    public IReadOnlyList<IAuthenticatorProvider> AuthenticatorProviders { get; }

    public static ConnectorModules Create(TimeProvider time, ILoggerFactory loggers)
    {
        _ = time;
        _ = loggers;
        return new ConnectorModules([], [], []);
    }

    /// <summary>Validates a ServiceNow connector's inputs; returns its target (instance URL) and settings JSON.</summary>
    public (string Target, string SettingsJson) DescribeServiceNow(string instance, string? deviceTable, IReadOnlyList<string> maps, int? pageSize, int? maxConcurrentRequests) =>
        throw new NotSupportedException();

    /// <summary>Runs the connector kind's probe with the connector's credential.</summary>
    public IAsyncEnumerable<ProbeCheck> TestAsync(Connector connector, ICredentialVault vault, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public void Dispose()
    {
    }
}
