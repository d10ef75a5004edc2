using AssetBridge.Core.Storage;

namespace AssetBridge.Storage.Relational.Credentials;

/// <summary>A credentials row as Dapper reads it.</summary>
internal sealed class CredentialRow
{
    public const string SelectColumns = """
        SELECT id AS Id, name AS Name, type AS Type, attributes_json AS AttributesJson, key_id AS KeyId,
               envelope AS Envelope, created_at AS CreatedAt
        FROM credentials
        """;

    public long Id { get; set; }
    public string Name { get; set; } = string.Empty;
    public string Type { get; set; } = string.Empty;
    public string AttributesJson { get; set; } = string.Empty;
    public string KeyId { get; set; } = string.Empty;
    public byte[] Envelope { get; set; } = [];
    public long CreatedAt { get; set; }

    public StoredCredential ToStored() =>
        new(Id, Name, Type, AttributesJson, KeyId, Envelope, UnixTime.FromMilliseconds(CreatedAt));
}
