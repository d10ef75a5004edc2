namespace AssetBridge.Core.Credentials;

/// <summary>
/// A credential's metadata: never secret. Attributes hold the non-secret parts (username, client id).
/// </summary>
public sealed record CredentialInfo(
    long Id,
    string Name,
    string Type,
    IReadOnlyDictionary<string, string> Attributes,
    string KeyId,
    DateTimeOffset CreatedAt);
