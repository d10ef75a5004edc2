namespace AssetBridge.Core.Connectors;

/// <summary>
/// A configured source: a ServiceNow instance (and later an Azure tenant) with the credential used
/// to read it. Kind-specific settings are a JSON document owned by the connector kind's module.
/// </summary>
public sealed record Connector(
    long Id,
    string Name,
    string Kind,
    string Target,
    long CredentialId,
    string SettingsJson,
    DateTimeOffset CreatedAt);

/// <summary>What is needed to create a connector; the store assigns the id.</summary>
public sealed record NewConnector(string Name, string Kind, string Target, long CredentialId, string SettingsJson);
