using System.Text.Json;
using AssetBridge.Core.Agents;

namespace AssetBridge.Storage.Relational.Agents;

/// <summary>An agents row as Dapper reads it.</summary>
internal sealed class AgentRow
{
    public const string SelectColumns = """
        SELECT id AS Id, name AS Name, capabilities_json AS CapabilitiesJson, ip_ranges_json AS IpRangesJson,
               signing_key AS SigningKey, sealing_key AS SealingKey, key_version AS KeyVersion, approved AS Approved,
               mode AS Mode, embedded AS Embedded, enrolled_at AS EnrolledAt, last_seen_at AS LastSeenAt,
               host AS Host, version AS Version
        FROM agents
        """;

    public long Id { get; set; }
    public string Name { get; set; } = string.Empty;
    public string CapabilitiesJson { get; set; } = "[]";
    public string IpRangesJson { get; set; } = "[]";
    public byte[] SigningKey { get; set; } = [];
    public byte[] SealingKey { get; set; } = [];
    public long KeyVersion { get; set; }
    public long Approved { get; set; }
    public string Mode { get; set; } = string.Empty;
    public long Embedded { get; set; }
    public long EnrolledAt { get; set; }
    public long? LastSeenAt { get; set; }
    public string? Host { get; set; }
    public string? Version { get; set; }

    public static string ModeName(AgentMode mode) => mode switch
    {
        AgentMode.Paused => "paused",
        AgentMode.Draining => "draining",
        _ => "active",
    };

    public static string Json(IEnumerable<string> values) => JsonSerializer.Serialize(values.ToArray());

    public AgentRecord ToRecord() => new(
        Id,
        Name,
        JsonSerializer.Deserialize<string[]>(CapabilitiesJson) ?? [],
        IpRangeSet.Parse(JsonSerializer.Deserialize<string[]>(IpRangesJson) ?? []),
        SigningKey,
        SealingKey,
        checked((int)KeyVersion),
        Approved != 0,
        Mode switch
        {
            "paused" => AgentMode.Paused,
            "draining" => AgentMode.Draining,
            _ => AgentMode.Active,
        },
        Embedded != 0,
        UnixTime.FromMilliseconds(EnrolledAt),
        UnixTime.FromMilliseconds(LastSeenAt),
        Host,
        Version);
}
