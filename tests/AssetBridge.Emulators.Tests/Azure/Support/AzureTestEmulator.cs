using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using AssetBridge.Emulators.Azure;

namespace AssetBridge.Emulators.Tests.Azure.Support;

/// <summary>Starts a small Azure emulator per test and talks to it over real HTTPS.</summary>
internal static class AzureTestEmulator
{
    public const string ArmScope = "https://management.azure.com/.default";

    public static Task<AzureEmulator> StartAsync(Action<AzureEmulatorOptions>? configure = null)
    {
        var options = new AzureEmulatorOptions();
        configure?.Invoke(options);
        return AzureEmulator.StartAsync(options);
    }

    /// <summary>
    /// A handler that trusts the emulator's certificate as its only root (custom root trust), with
    /// every other check of the chain and the host name left on.
    /// </summary>
    public static SocketsHttpHandler TrustingHandler(AzureEmulator emulator)
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.Add(emulator.Certificate);
        var handler = new SocketsHttpHandler();
        handler.SslOptions.CertificateChainPolicy = policy;
        return handler;
    }

    public static HttpClient Client(AzureEmulator emulator) =>
        new(TrustingHandler(emulator)) { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>POSTs a client-credentials form to the token endpoint.</summary>
    public static Task<HttpResponseMessage> RequestTokenAsync(this HttpClient client, string tenant, params (string Name, string Value)[] form) =>
        client.PostAsync($"{tenant}/oauth2/v2.0/token", new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Name, f.Value))));

    public static async Task<string> SecretTokenAsync(this HttpClient client, AzureEmulator emulator, string clientId = AzureEmulatorOptions.DefaultClientId, string secret = AzureEmulatorOptions.DefaultClientSecret)
    {
        using var response = await client.RequestTokenAsync(
            emulator.TenantId,
            ("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret), ("scope", ArmScope));
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync()).GetProperty("access_token").GetString()!;
    }

    /// <summary>An ARM client holding a bearer token for the principal.</summary>
    public static async Task<HttpClient> ArmClientAsync(AzureEmulator emulator, string clientId = AzureEmulatorOptions.DefaultClientId, string secret = AzureEmulatorOptions.DefaultClientSecret)
    {
        var client = Client(emulator);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await client.SecretTokenAsync(emulator, clientId, secret));
        return client;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public static string? Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    public static int RemainingReads(this HttpResponseMessage response, string scope = "subscription") =>
        int.Parse(response.Header($"x-ms-ratelimit-remaining-{scope}-reads")!, CultureInfo.InvariantCulture);

    public static string VmsPath(string subscriptionId) =>
        $"subscriptions/{subscriptionId}/providers/Microsoft.Compute/virtualMachines?api-version=2025-04-01";

    public static string NicsPath(string subscriptionId) =>
        $"subscriptions/{subscriptionId}/providers/Microsoft.Network/networkInterfaces?api-version=2025-01-01";

    public static string PublicIpsPath(string subscriptionId) =>
        $"subscriptions/{subscriptionId}/providers/Microsoft.Network/publicIPAddresses?api-version=2024-07-01";

    public const string SubscriptionsPath = "subscriptions?api-version=2022-12-01";

    /// <summary>Follows nextLink until there is none; returns every item and the size of every page.</summary>
    public static async Task<(List<JsonElement> Items, List<int> PageSizes)> AllPagesAsync(this HttpClient client, string firstPath)
    {
        var items = new List<JsonElement>();
        var sizes = new List<int>();
        string? next = firstPath;
        while (next is not null)
        {
            using var response = await client.GetAsync(next);
            response.EnsureSuccessStatusCode();
            var page = await response.JsonAsync();
            var value = page.GetProperty("value").EnumerateArray().ToList();
            items.AddRange(value);
            sizes.Add(value.Count);
            next = page.TryGetProperty("nextLink", out var link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null;
            Assert.True(sizes.Count < 10_000, "Paging did not end.");
        }

        return (items, sizes);
    }

    public static string Text(this JsonElement element, string path)
    {
        foreach (var name in path.Split('.'))
        {
            element = element.GetProperty(name);
        }

        return element.GetString()!;
    }
}
