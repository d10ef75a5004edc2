using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AssetBridge.Emulators.ServiceNow;

namespace AssetBridge.Emulators.Tests.ServiceNow.Support;

/// <summary>Starts a small emulator per test and talks to it over real HTTP.</summary>
internal static class Emulator
{
    public const string Computers = "cmdb_ci_computer";
    public const string Adapters = "cmdb_ci_network_adapter";
    public const string Applications = "cmdb_ci_business_app";
    public const string Relationships = "cmdb_rel_ci";

    public static Task<ServiceNowEmulator> StartAsync(Action<ServiceNowEmulatorOptions>? configure = null)
    {
        var options = new ServiceNowEmulatorOptions { Devices = 60, AdaptersPerDevice = 2, Applications = 6 };
        configure?.Invoke(options);
        return ServiceNowEmulator.StartAsync(options);
    }

    /// <summary>An HttpClient on the emulator with Basic credentials (none when <paramref name="username"/> is null).</summary>
    public static HttpClient Client(ServiceNowEmulator emulator, string? username = "assetbridge", string password = "assetbridge")
    {
        var client = new HttpClient { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (username is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
        }

        return client;
    }

    public static HttpClient BearerClient(ServiceNowEmulator emulator, string accessToken)
    {
        var client = new HttpClient { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>GET /api/now/table/{table} with the given sysparm_* parameters, escaped.</summary>
    public static Task<HttpResponseMessage> GetTableAsync(this HttpClient client, string table, params (string Name, string Value)[] parameters) =>
        client.GetAsync(TablePath(table, parameters));

    public static string TablePath(string table, params (string Name, string Value)[] parameters)
    {
        var query = string.Join('&', parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));
        return $"api/now/table/{table}" + (query.Length > 0 ? "?" + query : string.Empty);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>The "result" array of a list response.</summary>
    public static async Task<List<JsonElement>> ResultAsync(this HttpResponseMessage response) =>
        [.. (await response.JsonAsync()).GetProperty("result").EnumerateArray()];

    public static string Text(this JsonElement record, string field) => record.GetProperty(field).GetString()!;

    public static int? TotalCount(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Total-Count", out var values) ? int.Parse(values.Single(), System.Globalization.CultureInfo.InvariantCulture) : null;

    public static string? Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    /// <summary>Every row of a table through keyset paging on sys_id, all fields, values only.</summary>
    public static async Task<List<JsonElement>> AllRowsAsync(this HttpClient client, string table, string fields = "")
    {
        var rows = new List<JsonElement>();
        var last = string.Empty;
        while (true)
        {
            var query = last.Length == 0 ? "ORDERBYsys_id" : $"sys_id>{last}^ORDERBYsys_id";
            var parameters = new List<(string, string)>
            {
                ("sysparm_query", query), ("sysparm_limit", "500"), ("sysparm_exclude_reference_link", "true"),
            };
            if (fields.Length > 0)
            {
                parameters.Add(("sysparm_fields", fields));
            }

            using var response = await client.GetTableAsync(table, [.. parameters]);
            response.EnsureSuccessStatusCode();
            var page = await response.ResultAsync();
            if (page.Count == 0)
            {
                return rows;
            }

            rows.AddRange(page);
            last = page[^1].Text("sys_id");
        }
    }
}
