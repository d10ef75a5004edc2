using AssetBridge.Core.Agents;
using AssetBridge.Core.Connectors;

namespace AssetBridge.Storage.Relational.Connectors;

/// <summary>A connectors row as Dapper reads it.</summary>
internal sealed class ConnectorRow
{
    public const string SelectColumns = """
        SELECT id AS Id, name AS Name, kind AS Kind, target AS Target, credential_id AS CredentialId,
               settings_json AS SettingsJson, created_at AS CreatedAt, every_seconds AS EverySeconds,
               next_run_at AS NextRunAt, pinned_agent AS PinnedAgent, pinned_cluster AS PinnedCluster,
               default_agent AS DefaultAgent
        FROM connectors
        """;

    public long Id { get; set; }
    public string Name { get; set; } = string.Empty;
    public string Kind { get; set; } = string.Empty;
    public string Target { get; set; } = string.Empty;
    public long CredentialId { get; set; }
    public string SettingsJson { get; set; } = string.Empty;
    public long CreatedAt { get; set; }
    public long? EverySeconds { get; set; }
    public long? NextRunAt { get; set; }
    public string? PinnedAgent { get; set; }
    public string? PinnedCluster { get; set; }
    public string? DefaultAgent { get; set; }

    public Connector ToConnector() =>
        new(Id, Name, Kind, Target, CredentialId, SettingsJson, UnixTime.FromMilliseconds(CreatedAt))
        {
            Every = EverySeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            NextRunAt = UnixTime.FromMilliseconds(NextRunAt),
            Placement = PinnedAgent is null && PinnedCluster is null && DefaultAgent is null
                ? AgentPlacement.Any
                : new AgentPlacement(PinnedAgent, PinnedCluster, DefaultAgent),
        };
}
