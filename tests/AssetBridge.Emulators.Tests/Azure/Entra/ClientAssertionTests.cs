using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using AssetBridge.Emulators.Azure;
using AssetBridge.Emulators.Tests.Azure.Support;
using static AssetBridge.Emulators.Tests.Azure.Support.AzureTestEmulator;

namespace AssetBridge.Emulators.Tests.Azure.Entra;

/// <summary>Hand-made client assertions, for what Azure.Identity never sends: ES256, wrong keys, stale times.</summary>
public sealed class ClientAssertionTests
{
    private const string ClientId = "cert-client";

    [Fact]
    public async Task Es256Assertion_FromAnEcdsaCertificate_GetsAToken()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = SelfSigned(key);
        await using var emulator = await StartWith(certificate);
        using var client = Client(emulator);

        using var response = await RequestAsync(client, emulator, Assertion(emulator, "ES256", data => key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AssertionSignedByAnotherKey_Answers401InvalidClient700027()
    {
        using var registered = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = SelfSigned(registered);
        await using var emulator = await StartWith(certificate);
        using var client = Client(emulator);

        using var response = await RequestAsync(client, emulator, Assertion(emulator, "ES256", data => other.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await TokenEndpointTests.AssertEntraErrorAsync(response, "invalid_client", 700027);
    }

    [Fact]
    public async Task ExpiredAssertion_Answers401WithEntrasTimeRangeCode()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = SelfSigned(key);
        await using var emulator = await StartWith(certificate);
        using var client = Client(emulator);
        var longAgo = DateTimeOffset.UtcNow.AddHours(-2);

        using var response = await RequestAsync(client, emulator, Assertion(emulator, "ES256", data => key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation), issuedAt: longAgo));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await TokenEndpointTests.AssertEntraErrorAsync(response, "invalid_client", 700024);
    }

    [Fact]
    public async Task AssertionForAnotherAudience_Answers401InvalidClient700027()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = SelfSigned(key);
        await using var emulator = await StartWith(certificate);
        using var client = Client(emulator);

        using var response = await RequestAsync(client, emulator, Assertion(
            emulator, "ES256", data => key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation), audience: "https://login.microsoftonline.com/common/oauth2/v2.0/token"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await TokenEndpointTests.AssertEntraErrorAsync(response, "invalid_client", 700027);
    }

    [Fact]
    public async Task PrincipalWithoutACertificate_RefusesAssertions()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        using var response = await RequestAsync(client, emulator, Assertion(emulator, "ES256", data => key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation), clientId: AzureEmulatorOptions.DefaultClientId), AzureEmulatorOptions.DefaultClientId);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await TokenEndpointTests.AssertEntraErrorAsync(response, "invalid_client", 700027);
        Assert.Contains("is not registered on application", body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    private static Task<AzureEmulator> StartWith(X509Certificate2 certificate) =>
        StartAsync(o => o.Principals.Add(new AzureEmulatorPrincipal(ClientId, null, X509CertificateLoader.LoadCertificate(certificate.RawData))));

    private static Task<HttpResponseMessage> RequestAsync(HttpClient client, AzureEmulator emulator, string assertion, string clientId = ClientId) =>
        client.RequestTokenAsync(
            emulator.TenantId,
            ("grant_type", "client_credentials"),
            ("client_id", clientId),
            ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
            ("client_assertion", assertion),
            ("scope", ArmScope));

    private static string Assertion(AzureEmulator emulator, string alg, Func<byte[], byte[]> sign, DateTimeOffset? issuedAt = null, string? audience = null, string clientId = ClientId)
    {
        var now = issuedAt ?? DateTimeOffset.UtcNow;
        var header = new Dictionary<string, object> { ["alg"] = alg, ["typ"] = "JWT" };
        var payload = new Dictionary<string, object>
        {
            ["aud"] = audience ?? $"{emulator.AuthorityHost}{emulator.TenantId}/oauth2/v2.0/token",
            ["iss"] = clientId,
            ["sub"] = clientId,
            ["jti"] = Guid.NewGuid().ToString(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(10).ToUnixTimeSeconds(),
        };
        var input = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));
        return input + "." + Base64Url.EncodeToString(sign(Encoding.ASCII.GetBytes(input)));
    }

    private static X509Certificate2 SelfSigned(ECDsa key)
    {
        var request = new CertificateRequest("CN=" + ClientId, key, HashAlgorithmName.SHA256);
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
    }
}
