using AssetBridge.Core.Credentials;

namespace AssetBridge.Connectors.Azure.Tests.Support;

/// <summary>Opened credentials as the vault would hand them to a job.</summary>
internal static class TestCredentials
{
    public static OpenedCredential Secret(string tenantId, string clientId, string secret) => Open(
        CredentialTypes.AzureServicePrincipal,
        new Dictionary<string, string> { [CredentialTypes.TenantId] = tenantId, [CredentialTypes.ClientId] = clientId },
        new Dictionary<string, string> { [CredentialTypes.ClientSecret] = secret });

    public static OpenedCredential Certificate(string tenantId, string clientId, string certificateText, string? password = null)
    {
        var secrets = new Dictionary<string, string> { [CredentialTypes.ClientCertificate] = certificateText };
        if (password is not null)
        {
            secrets[CredentialTypes.ClientCertificatePassword] = password;
        }

        return Open(
            CredentialTypes.AzureServicePrincipal,
            new Dictionary<string, string> { [CredentialTypes.TenantId] = tenantId, [CredentialTypes.ClientId] = clientId },
            secrets);
    }

    public static OpenedCredential ManagedIdentity(string? clientId = null) => Open(
        CredentialTypes.AzureManagedIdentity,
        clientId is null ? [] : new Dictionary<string, string> { [CredentialTypes.ClientId] = clientId },
        []);

    private static OpenedCredential Open(string type, Dictionary<string, string> attributes, Dictionary<string, string> secrets) =>
        new(new CredentialInfo(5, "azure-sp", type, attributes, "key1", DateTimeOffset.UnixEpoch), new CredentialSecret(secrets));
}
