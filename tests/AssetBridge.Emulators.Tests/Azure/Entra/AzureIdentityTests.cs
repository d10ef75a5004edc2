using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AssetBridge.Emulators.Azure;
using AssetBridge.Emulators.Tests.Azure.Support;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Identity.Client;
using static AssetBridge.Emulators.Tests.Azure.Support.AzureTestEmulator;

namespace AssetBridge.Emulators.Tests.Azure.Entra;

/// <summary>The real Entra client (Azure.Identity over MSAL) signs in to the emulator as it would to Entra.</summary>
public sealed class AzureIdentityTests
{
    [Fact]
    public async Task ClientSecretCredential_GetsATokenArmAccepts()
    {
        await using var emulator = await StartAsync();
        var credential = new ClientSecretCredential(
            emulator.TenantId, AzureEmulatorOptions.DefaultClientId, AzureEmulatorOptions.DefaultClientSecret, Options<ClientSecretCredentialOptions>(emulator));

        var token = await credential.GetTokenAsync(new TokenRequestContext([ArmScope]), CancellationToken.None);

        Assert.True(token.ExpiresOn > DateTimeOffset.UtcNow.AddMinutes(55));
        using var arm = Client(emulator);
        arm.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        using var response = await arm.GetAsync(SubscriptionsPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, emulator.Stats.TokensIssued);
    }

    [Fact]
    public async Task WithInstanceDiscoveryDisabled_MsalCallsOnlyTheTokenEndpoint()
    {
        await using var emulator = await StartAsync();
        var credential = new ClientSecretCredential(
            emulator.TenantId, AzureEmulatorOptions.DefaultClientId, AzureEmulatorOptions.DefaultClientSecret, Options<ClientSecretCredentialOptions>(emulator));

        await credential.GetTokenAsync(new TokenRequestContext([ArmScope]), CancellationToken.None);
        await credential.GetTokenAsync(new TokenRequestContext([ArmScope]), CancellationToken.None);

        var request = Assert.Single(emulator.Stats.RecentRequests);
        Assert.Equal(("POST", $"/{emulator.TenantId}/oauth2/v2.0/token", "token"), (request.Method, request.Path, request.Endpoint));
    }

    [Fact]
    public async Task ClientSecretCredential_WithAWrongSecret_FailsWithEntrasCode()
    {
        await using var emulator = await StartAsync();
        var credential = new ClientSecretCredential(emulator.TenantId, AzureEmulatorOptions.DefaultClientId, "not-the-secret", Options<ClientSecretCredentialOptions>(emulator));

        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(() => credential.GetTokenAsync(new TokenRequestContext([ArmScope]), CancellationToken.None).AsTask());

        var entra = Assert.IsType<MsalServiceException>(error.InnerException);
        Assert.Equal("invalid_client", entra.ErrorCode);
        Assert.Contains("AADSTS7000215", entra.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientSecretCredential_ForAnUnknownTenant_FailsWithEntrasCode()
    {
        await using var emulator = await StartAsync();
        var credential = new ClientSecretCredential(
            "11111111-2222-4333-8444-555555555555", AzureEmulatorOptions.DefaultClientId, AzureEmulatorOptions.DefaultClientSecret, Options<ClientSecretCredentialOptions>(emulator));

        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(() => credential.GetTokenAsync(new TokenRequestContext([ArmScope]), CancellationToken.None).AsTask());

        var entra = Assert.IsType<MsalServiceException>(error.InnerException);
        Assert.Equal("invalid_request", entra.ErrorCode);
        Assert.Contains("AADSTS90002", entra.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientCertificateCredential_SignsAnAssertionTheEmulatorVerifies()
    {
        using var certificate = SelfSignedRsa("CN=assetbridge-cert-client");
        await using var emulator = await StartAsync(o => o.Principals.Add(
            new AzureEmulatorPrincipal("cert-client", null, X509CertificateLoader.LoadCertificate(certificate.RawData))));
        var credential = new ClientCertificateCredential(emulator.TenantId, "cert-client", certificate, Options<ClientCertificateCredentialOptions>(emulator));

        var token = await credential.GetTokenAsync(new TokenRequestContext([ArmScope]), CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(token.Token));
        Assert.Equal(1, emulator.Stats.TokensIssued);
        using var arm = Client(emulator);
        arm.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        using var response = await arm.GetAsync(SubscriptionsPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ClientCertificateCredential_WithAnUnregisteredCertificate_FailsWithEntrasCode()
    {
        using var registered = SelfSignedRsa("CN=registered");
        using var other = SelfSignedRsa("CN=other");
        await using var emulator = await StartAsync(o => o.Principals.Add(
            new AzureEmulatorPrincipal("cert-client", null, X509CertificateLoader.LoadCertificate(registered.RawData))));
        var credential = new ClientCertificateCredential(emulator.TenantId, "cert-client", other, Options<ClientCertificateCredentialOptions>(emulator));

        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(() => credential.GetTokenAsync(new TokenRequestContext([ArmScope]), CancellationToken.None).AsTask());

        var entra = Assert.IsType<MsalServiceException>(error.InnerException);
        Assert.Equal("invalid_client", entra.ErrorCode);
        Assert.Contains("AADSTS700027", entra.Message, StringComparison.Ordinal);
    }

    internal static T Options<T>(AzureEmulator emulator)
        where T : TokenCredentialOptions, new()
    {
        var options = new T { AuthorityHost = emulator.AuthorityHost };
        options.Transport = new HttpClientTransport(TrustingHandler(emulator));
        options.Retry.MaxRetries = 0;
        switch (options)
        {
            case ClientSecretCredentialOptions secret:
                secret.DisableInstanceDiscovery = true;
                break;
            case ClientCertificateCredentialOptions certificate:
                certificate.DisableInstanceDiscovery = true;
                break;
        }

        return options;
    }

    internal static X509Certificate2 SelfSignedRsa(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }
}
