using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AssetBridge.Emulators.Azure;
using AssetBridge.Emulators.Tests.Azure.Support;
using static AssetBridge.Emulators.Tests.Azure.Support.AzureTestEmulator;

namespace AssetBridge.Emulators.Tests.Azure.Entra;

public sealed class TokenEndpointTests
{
    [Fact]
    public async Task Success_AnswersTheFixtureShape()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        using var response = await client.RequestTokenAsync(
            emulator.TenantId, ("grant_type", "client_credentials"), ("client_id", AzureEmulatorOptions.DefaultClientId), ("client_secret", "assetbridge-secret"), ("scope", ArmScope));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var body = await response.JsonAsync();
        var fixture = AzureFixtures.Read("entra_token_success_client_credentials.json");
        foreach (var property in fixture.EnumerateObject())
        {
            Assert.Equal(property.Value.ValueKind, body.GetProperty(property.Name).ValueKind);
        }

        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(3599, body.GetProperty("expires_in").GetInt32());
        Assert.Equal(3, body.GetProperty("access_token").GetString()!.Split('.').Length);
    }

    [Fact]
    public async Task ClientCredentials_MayComeInABasicHeader()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{emulator.TenantId}/oauth2/v2.0/token")
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("grant_type", "client_credentials"), KeyValuePair.Create("scope", ArmScope)]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(AzureEmulatorOptions.DefaultClientId + ":assetbridge-secret")));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WrongSecret_Answers401InvalidClient_AsEntraDoes()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        using var response = await client.RequestTokenAsync(
            emulator.TenantId, ("grant_type", "client_credentials"), ("client_id", AzureEmulatorOptions.DefaultClientId), ("client_secret", "wrong"), ("scope", ArmScope));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await AssertEntraErrorAsync(response, "invalid_client", 7000215);
        Assert.Contains("Invalid client secret provided.", body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownTenant_Answers400InvalidRequest90002()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        using var response = await client.RequestTokenAsync(
            "11111111-2222-4333-8444-555555555555", ("grant_type", "client_credentials"), ("client_id", AzureEmulatorOptions.DefaultClientId), ("client_secret", "assetbridge-secret"), ("scope", ArmScope));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await AssertEntraErrorAsync(response, "invalid_request", 90002);
        Assert.StartsWith("AADSTS90002: Tenant '11111111-2222-4333-8444-555555555555' not found.", body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownClient_Answers400UnauthorizedClient700016()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        using var response = await client.RequestTokenAsync(
            emulator.TenantId, ("grant_type", "client_credentials"), ("client_id", "nobody"), ("client_secret", "x"), ("scope", ArmScope));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await AssertEntraErrorAsync(response, "unauthorized_client", 700016);
        Assert.Contains("Application with identifier 'nobody' was not found in the directory", body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://management.azure.com/user_impersonation", "invalid_scope", 70011)]
    [InlineData("https://graph.microsoft.com/.default", "invalid_resource", 500011)]
    public async Task ScopeOtherThanArmDefault_IsRefused(string scope, string error, int code)
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        using var response = await client.RequestTokenAsync(
            emulator.TenantId, ("grant_type", "client_credentials"), ("client_id", AzureEmulatorOptions.DefaultClientId), ("client_secret", "assetbridge-secret"), ("scope", scope));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertEntraErrorAsync(response, error, code);
    }

    [Fact]
    public async Task ScopeOfTheEmulatorsOwnAddress_IsAnArmScopeToo()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);

        using var response = await client.RequestTokenAsync(
            emulator.TenantId, ("grant_type", "client_credentials"), ("client_id", AzureEmulatorOptions.DefaultClientId), ("client_secret", "assetbridge-secret"), ("scope", emulator.ArmEndpoint + ".default"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task CorrelationId_EchoesTheClientRequestId()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);
        client.DefaultRequestHeaders.Add("client-request-id", "0b7a8b0c-1d2e-4f30-8a41-526374859607");

        using var response = await client.RequestTokenAsync(
            emulator.TenantId, ("grant_type", "client_credentials"), ("client_id", AzureEmulatorOptions.DefaultClientId), ("client_secret", "wrong"), ("scope", ArmScope));

        var body = await response.JsonAsync();
        Assert.Equal("0b7a8b0c-1d2e-4f30-8a41-526374859607", body.GetProperty("correlation_id").GetString());
        Assert.Contains("Correlation ID: 0b7a8b0c-1d2e-4f30-8a41-526374859607", body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Every field of the fixture error (entra_token_error_invalid_scope.json), with the AADSTS code in three places.</summary>
    internal static async Task<JsonElement> AssertEntraErrorAsync(HttpResponseMessage response, string error, int code)
    {
        var body = await response.JsonAsync();
        var fixture = AzureFixtures.Read("entra_token_error_invalid_scope.json");
        foreach (var property in fixture.EnumerateObject())
        {
            Assert.Equal(property.Value.ValueKind, body.GetProperty(property.Name).ValueKind);
        }

        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.StartsWith($"AADSTS{code}: ", body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
        Assert.Equal([code], body.GetProperty("error_codes").EnumerateArray().Select(c => c.GetInt32()));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$", body.GetProperty("timestamp").GetString());
        Assert.True(Guid.TryParse(body.GetProperty("trace_id").GetString(), out _));
        Assert.True(Guid.TryParse(body.GetProperty("correlation_id").GetString(), out _));
        return body;
    }
}
