using AssetBridge.Core.Credentials;

namespace AssetBridge.Connectors.ServiceNow.Tests.Support;

/// <summary>Opened credentials as the vault would hand them to a job.</summary>
internal static class TestCredentials
{
    public static OpenedCredential Basic(string username, string password) => Open(
        CredentialTypes.ServiceNowBasic,
        new Dictionary<string, string> { [CredentialTypes.Username] = username },
        new Dictionary<string, string> { [CredentialTypes.Password] = password });

    public static OpenedCredential ClientCredentials(string clientId, string clientSecret) => Open(
        CredentialTypes.ServiceNowOAuth,
        new Dictionary<string, string> { [CredentialTypes.ClientId] = clientId },
        new Dictionary<string, string> { [CredentialTypes.ClientSecret] = clientSecret });

    public static OpenedCredential PasswordGrant(string clientId, string clientSecret, string username, string password) => Open(
        CredentialTypes.ServiceNowOAuth,
        new Dictionary<string, string> { [CredentialTypes.ClientId] = clientId, [CredentialTypes.Username] = username },
        new Dictionary<string, string> { [CredentialTypes.ClientSecret] = clientSecret, [CredentialTypes.Password] = password });

    private static OpenedCredential Open(string type, Dictionary<string, string> attributes, Dictionary<string, string> secrets) =>
        new(new CredentialInfo(3, "cmdb", type, attributes, "key1", DateTimeOffset.UnixEpoch), new CredentialSecret(secrets));
}
