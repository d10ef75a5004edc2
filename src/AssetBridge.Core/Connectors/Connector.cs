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
    DateTimeOffset CreatedAt)
{
    /// <summary>How often the scheduler syncs this connector; null when only on demand.</summary>
    public TimeSpan? Every { get; init; }

    /// <summary>When the scheduler starts the next run; null when unscheduled.</summary>
    public DateTimeOffset? NextRunAt { get; init; }

    /// <summary>Which agents may run this connector's jobs.</summary>
    public Agents.AgentPlacement Placement { get; init; } = Agents.AgentPlacement.Any;
}

/// <summary>What is needed to create a connector; the store assigns the id.</summary>
public sealed record NewConnector(string Name, string Kind, string Target, long CredentialId, string SettingsJson)
{
    public TimeSpan? Every { get; init; }

    public Agents.AgentPlacement Placement { get; init; } = Agents.AgentPlacement.Any;
}
