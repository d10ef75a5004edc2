namespace AssetBridge.Core.Credentials;

/// <summary>Credential types, their attribute names and their secret names.</summary>
public static class CredentialTypes
{
    public const string ServiceNowBasic = "servicenow-basic";
    public const string ServiceNowOAuth = "servicenow-oauth";

    /// <summary>An Entra ID service principal: attributes tenant_id, client_id; secret client_secret or client_certificate (PEM or base64 PFX).</summary>
    public const string AzureServicePrincipal = "azure-sp";

    /// <summary>The managed identity of the Azure machine the agent runs on: optional attribute client_id (user-assigned); no secret.</summary>
    public const string AzureManagedIdentity = "azure-managed-identity";

    public const string Username = "username";
    public const string Password = "password";
    public const string ClientId = "client_id";
    public const string ClientSecret = "client_secret";
    public const string TenantId = "tenant_id";

    /// <summary>A client certificate with its private key: PEM text, or a PFX as base64.</summary>
    public const string ClientCertificate = "client_certificate";

    /// <summary>The PFX password, when <see cref="ClientCertificate"/> is a protected PFX.</summary>
    public const string ClientCertificatePassword = "client_certificate_password";
}
