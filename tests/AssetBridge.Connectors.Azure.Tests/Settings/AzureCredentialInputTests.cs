using AssetBridge.Connectors.Azure.Authentication;
using AssetBridge.Connectors.Azure.Settings;
using AssetBridge.Connectors.Azure.Tests.Support;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Errors;

namespace AssetBridge.Connectors.Azure.Tests.Settings;

public class AzureCredentialInputTests
{
    private const string Tenant = "31C75423-32D6-4322-88B7-C478BDDE4858";
    private const string Client = "0b1f4c1e-6d0a-4d3b-9c55-8a9e2f7b1c20";

    [Theory]
    [InlineData(Tenant, "31c75423-32d6-4322-88b7-c478bdde4858")]
    [InlineData("Contoso.onmicrosoft.com", "contoso.onmicrosoft.com")]
    [InlineData(" contoso.com ", "contoso.com")]
    public void TenantId_AcceptsAGuidOrADomain(string input, string expected) =>
        Assert.Equal(expected, AzureCredentialInput.ValidateTenantId(input));

    [Theory]
    [InlineData("common", "names no single tenant")]
    [InlineData("organizations", "names no single tenant")]
    [InlineData("not a tenant", "is not a tenant id")]
    [InlineData("", "is not a tenant id")]
    public void TenantId_RefusesWhatNamesNoTenant(string input, string expected) =>
        Assert.Contains(expected, Assert.Throws<AssetBridgeException>(() => AzureCredentialInput.ValidateTenantId(input)).Message, StringComparison.Ordinal);

    [Fact]
    public void ClientId_MustBeAGuid() =>
        Assert.Equal(
            "'my-app' is not a client id; give the app registration's Application (client) ID, a GUID (--client-id).",
            Assert.Throws<AssetBridgeException>(() => AzureCredentialInput.ValidateClientId("my-app")).Message);

    [Fact]
    public void ServicePrincipal_WithASecret_StoresTenantAndClientAsAttributes_AndTheSecretAsSecret()
    {
        var parts = AzureCredentialInput.ServicePrincipal(Tenant, Client, "abc~DEF123", null, null);

        Assert.Equal(CredentialTypes.AzureServicePrincipal, parts.Type);
        Assert.Equal("31c75423-32d6-4322-88b7-c478bdde4858", parts.Attributes[CredentialTypes.TenantId]);
        Assert.Equal(Client, parts.Attributes[CredentialTypes.ClientId]);
        Assert.Equal("abc~DEF123", parts.Secret.Get(CredentialTypes.ClientSecret));
        Assert.DoesNotContain("abc~DEF123", parts.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s", "cert.pem", "not both")]
    [InlineData(null, null, "Give the service principal's client secret (on stdin or --client-secret-env) or its certificate file (--certificate-file).")]
    [InlineData("8d2c1d4e-3f0a-4b7e-9a61-5c2f0e7d9b13", null, "is a GUID, which is the secret's ID, not its value")]
    public void ServicePrincipal_NeedsExactlyOneSecretOrCertificate(string? secret, string? certificate, string expected) =>
        Assert.Contains(expected, Assert.Throws<AssetBridgeException>(() => AzureCredentialInput.ServicePrincipal(Tenant, Client, secret, certificate, null)).Message, StringComparison.Ordinal);

    [Fact]
    public void ServicePrincipal_WithAPemCertificateAndKey_StoresThePemAndDescribesTheThumbprint()
    {
        using var certificate = Certificates.Rsa();
        var path = Certificates.WriteTemp(".pem", System.Text.Encoding.UTF8.GetBytes(Certificates.Pem(certificate)));
        try
        {
            var parts = AzureCredentialInput.ServicePrincipal(Tenant, Client, null, path, null);

            var stored = parts.Secret.Get(CredentialTypes.ClientCertificate)!;
            Assert.Contains("-----BEGIN PRIVATE KEY-----", stored, StringComparison.Ordinal);
            Assert.Contains(certificate.Thumbprint, parts.Description, StringComparison.Ordinal);
            using var loaded = ClientCertificates.Load(stored, null, "test");
            Assert.True(loaded.HasPrivateKey);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ServicePrincipal_WithAPasswordProtectedPfx_StoresItAsBase64WithItsPassword()
    {
        using var certificate = Certificates.Rsa();
        var path = Certificates.WriteTemp(".pfx", certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "pfx-pass"));
        try
        {
            var parts = AzureCredentialInput.ServicePrincipal(Tenant, Client, null, path, "pfx-pass");

            Assert.Equal("pfx-pass", parts.Secret.Get(CredentialTypes.ClientCertificatePassword));
            using var loaded = ClientCertificates.Load(parts.Secret.Get(CredentialTypes.ClientCertificate)!, "pfx-pass", "test");
            Assert.Equal(certificate.Thumbprint, loaded.Thumbprint);

            var wrong = Assert.Throws<AssetBridgeException>(() => AzureCredentialInput.ServicePrincipal(Tenant, Client, null, path, "nope"));
            Assert.Contains("does not open as a PFX with the password given", wrong.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("nope", wrong.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadCertificateFile_RefusesAPemWithoutKey_AnEcKey_AndAnExpiredCertificate()
    {
        using var rsa = Certificates.Rsa();
        using var ec = Certificates.EcDsa();
        using var expired = Certificates.Rsa(notBefore: DateTimeOffset.UtcNow.AddYears(-2), notAfter: DateTimeOffset.UtcNow.AddDays(-1));
        var noKey = Certificates.WriteTemp(".pem", System.Text.Encoding.UTF8.GetBytes(rsa.ExportCertificatePem()));
        var ecPath = Certificates.WriteTemp(".pem", System.Text.Encoding.UTF8.GetBytes(Certificates.Pem(ec)));
        var expiredPath = Certificates.WriteTemp(".pem", System.Text.Encoding.UTF8.GetBytes(Certificates.Pem(expired)));
        try
        {
            Assert.Contains("has a certificate but no private key", Assert.Throws<AssetBridgeException>(() => AzureCredentialInput.ReadCertificateFile(noKey, null)).Message, StringComparison.Ordinal);
            Assert.Contains("Entra ID accepts RSA client certificates only", Assert.Throws<AssetBridgeException>(() => AzureCredentialInput.ReadCertificateFile(ecPath, null)).Message, StringComparison.Ordinal);
            Assert.Contains("expired on", Assert.Throws<AssetBridgeException>(() => AzureCredentialInput.ReadCertificateFile(expiredPath, null)).Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(noKey);
            File.Delete(ecPath);
            File.Delete(expiredPath);
        }
    }

    [Fact]
    public void ManagedIdentity_IsSystemAssignedUnlessAClientIdIsGiven()
    {
        Assert.Empty(AzureCredentialInput.ManagedIdentity(null).Attributes);
        Assert.Equal(Client, AzureCredentialInput.ManagedIdentity(Client.ToUpperInvariant()).Attributes[CredentialTypes.ClientId]);
        Assert.Empty(AzureCredentialInput.ManagedIdentity(null).Secret.Names);
    }
}
