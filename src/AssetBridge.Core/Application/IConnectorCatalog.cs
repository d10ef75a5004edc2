using AssetBridge.Core.Connectors;
using AssetBridge.Core.Credentials;

namespace AssetBridge.Core.Application;

/// <summary>The connector kinds a build knows: how each validates a new connector and how each is tested.</summary>
public interface IConnectorCatalog
{
    /// <summary>Validates a draft's kind-specific parts; returns the connector's target and settings JSON.</summary>
    (string Target, string SettingsJson) Describe(ConnectorDraft draft);

    /// <summary>Runs the kind's probe, opening the connector's credential from the vault for it.</summary>
    IAsyncEnumerable<ProbeCheck> TestAsync(Connector connector, ICredentialVault vault, CancellationToken cancellationToken);
}
