namespace AssetBridge.Core.Storage;

/// <summary>A credential row as stored: metadata in clear, the secret only as an encrypted envelope.</summary>
public sealed record StoredCredential(
    long Id,
    string Name,
    string Type,
    string AttributesJson,
    string KeyId,
    byte[] Envelope,
    DateTimeOffset CreatedAt);
