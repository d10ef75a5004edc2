using System.Net;
using AssetBridge.Connectors.Azure.Failures;
using AssetBridge.Connectors.Azure.Tests.Support;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Errors;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssetBridge.Connectors.Azure.Tests.Authentication;

/// <summary>The real Azure.Identity client against a stub token endpoint: tokens, caching, refresh, and a sentence per AADSTS code.</summary>
public class EntraTokenTests
{
    private const string Tenant = "31c75423-32d6-4322-88b7-c478bdde4858";
    private const string Client = "0b1f4c1e-6d0a-4d3b-9c55-8a9e2f7b1c20";
    private static readonly Uri Authority = new("https://login.stub.test/");
    private static readonly Uri Arm = new("https://management.azure.com/");

    [Fact]
    public async Task Authenticate_PutsTheBearerTokenOn_AndAsksOnce_UntilRefreshed()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, Fixtures.Bytes("entra_token_success_client_credentials.json")));
        var authenticator = Create(stub, TestCredentials.Secret(Tenant, Client, "s3cret"));

        using var first = new HttpRequestMessage(HttpMethod.Get, Arm);
        await authenticator.AuthenticateAsync(first, CancellationToken.None);
        using var second = new HttpRequestMessage(HttpMethod.Get, Arm);
        await authenticator.AuthenticateAsync(second, CancellationToken.None);

        Assert.Equal("Bearer", first.Headers.Authorization!.Scheme);
        Assert.StartsWith("eyJ0eXAiOiJKV1Qi", first.Headers.Authorization.Parameter, StringComparison.Ordinal);
        var token = Assert.Single(stub.Requests);
        Assert.Equal($"https://login.stub.test/{Tenant}/oauth2/v2.0/token", token.Request.RequestUri!.GetLeftPart(UriPartial.Path));
        Assert.Contains("grant_type=client_credentials", token.Body, StringComparison.Ordinal);
        Assert.Contains("scope=https%3A%2F%2Fmanagement.azure.com%2F.default", token.Body, StringComparison.Ordinal);

        Assert.True(await authenticator.RefreshAsync(CancellationToken.None));
        using var third = new HttpRequestMessage(HttpMethod.Get, Arm);
        await authenticator.AuthenticateAsync(third, CancellationToken.None);
        Assert.Equal(2, stub.Requests.Count(r => r.Request.Method == HttpMethod.Post));
    }

    [Theory]
    [InlineData(401, "invalid_client", 7000215, "SignInRefused", "Entra ID rejected the client secret of application '0b1f4c1e-6d0a-4d3b-9c55-8a9e2f7b1c20' in tenant '31c75423-32d6-4322-88b7-c478bdde4858' (AADSTS7000215: wrong secret); copy the secret's Value (not its Secret ID) from the app registration's Certificates & secrets page and add the credential again.")]
    [InlineData(401, "invalid_client", 7000222, "SignInRefused", "The client secret of application '0b1f4c1e-6d0a-4d3b-9c55-8a9e2f7b1c20' in tenant '31c75423-32d6-4322-88b7-c478bdde4858' has expired (AADSTS7000222); create a new client secret on the app registration's Certificates & secrets page and add the credential again with it.")]
    [InlineData(400, "unauthorized_client", 700016, "SignInRefused", "Entra ID knows no application '0b1f4c1e-6d0a-4d3b-9c55-8a9e2f7b1c20' in tenant '31c75423-32d6-4322-88b7-c478bdde4858' (AADSTS700016); check the client id (the app registration's Application (client) ID) and that the tenant id is the application's tenant, or have an administrator of '31c75423-32d6-4322-88b7-c478bdde4858' add the application to it.")]
    [InlineData(400, "invalid_request", 90002, "SignInRefused", "Entra ID at login.stub.test knows no tenant '31c75423-32d6-4322-88b7-c478bdde4858' (AADSTS90002); check the tenant id (Directory (tenant) ID) and that the authority host is the tenant's cloud (login.microsoftonline.us for US Government, login.chinacloudapi.cn for China).")]
    [InlineData(401, "invalid_client", 700027, "SignInRefused", "Entra ID refused the certificate of application '0b1f4c1e-6d0a-4d3b-9c55-8a9e2f7b1c20' (AADSTS700027: it matches no certificate the app registration holds); upload this certificate's public part on the app registration's Certificates & secrets page, or add the credential again with the certificate registered there.")]
    [InlineData(400, "invalid_grant", 65001, "ConsentMissing", "Application '0b1f4c1e-6d0a-4d3b-9c55-8a9e2f7b1c20' has no consent in tenant '31c75423-32d6-4322-88b7-c478bdde4858' (AADSTS65001); an administrator of the tenant must grant admin consent for it (Enterprise applications > the application > Permissions).")]
    [InlineData(401, "unauthorized_client", 7000112, "ConsentMissing", "Application '0b1f4c1e-6d0a-4d3b-9c55-8a9e2f7b1c20' is disabled in tenant '31c75423-32d6-4322-88b7-c478bdde4858' (AADSTS7000112); an administrator must enable it (Enterprise applications > the application > Properties > Enabled for users to sign-in).")]
    public async Task Refusal_BecomesOneSentence_NamingCauseAndFix(int status, string error, int code, string failure, string sentence)
    {
        var body = $$"""{"error":"{{error}}","error_description":"AADSTS{{code}}: Something Entra says.\r\nTrace ID: 255d1aef-8c98-452f-ac51-23d051240864\r\nCorrelation ID: fb3d2015-bc17-4bb9-bb85-30c5cf1aaaa7\r\nTimestamp: 2026-11-21 12:00:00Z","error_codes":[{{code}}],"timestamp":"2026-11-21 12:00:00Z","trace_id":"255d1aef-8c98-452f-ac51-23d051240864","correlation_id":"fb3d2015-bc17-4bb9-bb85-30c5cf1aaaa7"}""";
        var stub = new StubHandler(_ => StubHandler.Json((HttpStatusCode)status, body));

        var e = await Assert.ThrowsAsync<AzureApiException>(() => TokenAsync(Create(stub, TestCredentials.Secret(Tenant, Client, "wrong"))));

        Assert.Equal(failure, e.Failure.ToString());
        Assert.Equal(ErrorKind.Authentication, e.Kind);
        Assert.Equal(sentence, e.Message);
    }

    [Fact]
    public async Task InvalidScopeFixture_SaysTheArmEndpointAndAuthorityAreOfDifferentClouds()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.BadRequest, Fixtures.Bytes("entra_token_error_invalid_scope.json")));

        var e = await Assert.ThrowsAsync<AzureApiException>(() => TokenAsync(Create(stub, TestCredentials.Secret(Tenant, Client, "s"))));

        Assert.Equal(
            "Entra ID at login.stub.test issues no token for https://management.azure.com in tenant '31c75423-32d6-4322-88b7-c478bdde4858' (AADSTS70011); check that the connector's ARM endpoint belongs to the cloud of its authority host.",
            e.Message);
    }

    [Fact]
    public async Task UnresolvableAuthority_SaysTheHostDoesNotResolve()
    {
        var stub = new StubHandler(_ => throw new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known (login.stub.test:443)", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound)));

        var e = await Assert.ThrowsAsync<AzureApiException>(() => TokenAsync(Create(stub, TestCredentials.Secret(Tenant, Client, "s"))));

        Assert.Equal(AzureFailure.NameResolution, e.Failure);
        Assert.Equal("The host name 'login.stub.test' of Entra ID does not resolve; check the connector's authority host and this machine's DNS.", e.Message);
    }

    [Fact]
    public async Task CertificateCredential_SignsAnAssertion_InsteadOfSendingASecret()
    {
        using var certificate = Certificates.Rsa();
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, Fixtures.Bytes("entra_token_success_client_credentials.json")));

        await TokenAsync(Create(stub, TestCredentials.Certificate(Tenant, Client, Certificates.Pem(certificate))));

        var body = Assert.Single(stub.Requests).Body!;
        Assert.Contains("client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer", body, StringComparison.Ordinal);
        Assert.DoesNotContain("client_secret", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManagedIdentity_AsksTheMachinesIdentityEndpoint_ForTheUserAssignedClientId()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, $$"""{"access_token":"mi-token","expires_on":"{{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}}","resource":"https://management.azure.com/","token_type":"Bearer"}"""));
        var authenticator = Create(stub, TestCredentials.ManagedIdentity(Client));

        using var request = new HttpRequestMessage(HttpMethod.Get, Arm);
        await authenticator.AuthenticateAsync(request, CancellationToken.None);

        Assert.Equal("mi-token", request.Headers.Authorization!.Parameter);
        var asked = stub.Requests.Last().Request.RequestUri!;
        Assert.Contains(Client, asked.Query, StringComparison.Ordinal);
        Assert.Contains("resource=https", asked.Query, StringComparison.Ordinal);
    }

    private static async Task TokenAsync(IAuthenticator authenticator)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Arm);
        await authenticator.AuthenticateAsync(request, CancellationToken.None);
    }

    internal static IAuthenticator Create(StubHandler stub, OpenedCredential credential, Action<AzureModuleOptions>? configure = null)
    {
        var options = new AzureModuleOptions { MaxAttempts = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(1), RetryMaxDelay = TimeSpan.FromMilliseconds(5) };
        configure?.Invoke(options);
        using var module = AzureModule.Create(options, TimeProvider.System, NullLoggerFactory.Instance);
        var provider = module.AuthenticatorProviders.Single(p => p.CredentialType == credential.Info.Type);
        return provider.Create(credential, new AuthenticationTarget(Arm, new HttpClient(stub)) { AuthorityHost = Authority });
    }
}
