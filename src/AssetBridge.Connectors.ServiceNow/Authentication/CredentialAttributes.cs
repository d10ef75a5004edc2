using AssetBridge.Core.Credentials;
using AssetBridge.Core.Errors;

namespace AssetBridge.Connectors.ServiceNow.Authentication;

/// <summary>Reads the non-secret attributes of a credential (username, client id).</summary>
internal static class CredentialAttributes
{
    public static string? Get(OpenedCredential credential, string name) =>
        credential.Info.Attributes.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    public static string Require(OpenedCredential credential, string name) =>
        Get(credential, name) ?? throw new AssetBridgeException(
            ErrorKind.Configuration,
            $"The credential '{credential.Info.Name}' has no '{name}'; remove it and add it again with that value.");
}
