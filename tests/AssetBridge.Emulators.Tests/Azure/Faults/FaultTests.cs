using System.Net;
using System.Text.Json;
using AssetBridge.Emulators.Azure;
using AssetBridge.Emulators.Tests.Azure.Support;
using static AssetBridge.Emulators.Tests.Azure.Support.AzureTestEmulator;

namespace AssetBridge.Emulators.Tests.Azure.Faults;

public sealed class FaultTests
{
    [Theory]
    [InlineData(AzureFault.ServerError500, HttpStatusCode.InternalServerError, "InternalServerError")]
    [InlineData(AzureFault.ServiceUnavailable503, HttpStatusCode.ServiceUnavailable, "ServiceUnavailable")]
    [InlineData(AzureFault.TooManyRequests429, HttpStatusCode.TooManyRequests, "TooManyRequests")]
    public async Task ScriptedFault_AnswersWithArmsErrorBody_ThenServiceResumes(AzureFault fault, HttpStatusCode status, string code)
    {
        await using var emulator = await StartAsync();
        using var client = await ArmClientAsync(emulator);
        var path = VmsPath(emulator.Estate.Subscriptions[0].SubscriptionId);
        emulator.Controls.ScriptFault(fault);

        using var faulted = await client.GetAsync(path);
        using var next = await client.GetAsync(path);

        Assert.Equal(status, faulted.StatusCode);
        Assert.Equal(code, (await faulted.JsonAsync()).Text("error.code"));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(1, emulator.Stats.FaultsInjected[fault]);
    }

    [Fact]
    public async Task Faults_NeverSpendAReadToken()
    {
        await using var emulator = await StartAsync();
        using var client = await ArmClientAsync(emulator);
        var path = VmsPath(emulator.Estate.Subscriptions[0].SubscriptionId);
        emulator.Controls.ScriptFault(AzureFault.TooManyRequests429, count: 2);

        using var first = await client.GetAsync(path);
        using var second = await client.GetAsync(path);
        using var served = await client.GetAsync(path);

        Assert.Equal(TimeSpan.FromSeconds(1), first.Headers.RetryAfter!.Delta);
        Assert.Equal(250, first.RemainingReads());
        Assert.Equal(250, second.RemainingReads());
        Assert.Equal(249, served.RemainingReads());
        Assert.Equal(2, emulator.Stats.Throttled);
    }

    [Fact]
    public async Task ScriptedFault_OnAPath_HitsOnlyRequestsToThatPath()
    {
        await using var emulator = await StartAsync();
        using var client = await ArmClientAsync(emulator);
        var subscription = emulator.Estate.Subscriptions[0].SubscriptionId;
        emulator.Controls.ScriptFault(AzureFault.ServiceUnavailable503, count: 2, pathPrefix: $"/subscriptions/{subscription}/providers/Microsoft.Network/");

        using var vms = await client.GetAsync(VmsPath(subscription));
        using var nics = await client.GetAsync(NicsPath(subscription));
        using var publicIps = await client.GetAsync(PublicIpsPath(subscription));
        using var again = await client.GetAsync(NicsPath(subscription));

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK],
            new[] { vms, nics, publicIps, again }.Select(r => r.StatusCode));
        Assert.Equal(0, emulator.Controls.PendingFaults);
    }

    [Fact]
    public async Task ConnectionReset_FailsTheRequestWithoutAResponse()
    {
        await using var emulator = await StartAsync();
        using var client = await ArmClientAsync(emulator);
        emulator.Controls.ScriptFault(AzureFault.ConnectionReset);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(SubscriptionsPath));

        Assert.Equal(1, emulator.Stats.CountOfStatus(0));
    }

    [Fact]
    public async Task MalformedJson_Answers200WithAHalfBody_AndTheSamePageServesWholeAfterwards()
    {
        await using var emulator = await StartAsync();
        using var client = await ArmClientAsync(emulator);
        var path = VmsPath(emulator.Estate.Subscriptions[0].SubscriptionId);
        emulator.Controls.ScriptFault(AzureFault.MalformedJson);

        using var broken = await client.GetAsync(path);
        var brokenBody = await broken.Content.ReadAsStringAsync();
        using var whole = await client.GetAsync(path);
        var wholeBody = await whole.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(brokenBody));
        Assert.StartsWith(brokenBody, wholeBody, StringComparison.Ordinal);
        JsonDocument.Parse(wholeBody).Dispose();
    }

    [Fact]
    public async Task ScriptedFault_OnTheTokenEndpoint_AnswersWithEntrasErrorBody()
    {
        await using var emulator = await StartAsync();
        using var client = Client(emulator);
        emulator.Controls.ScriptFault(AzureFault.ServiceUnavailable503, pathPrefix: $"/{emulator.TenantId}/oauth2/");

        using var faulted = await client.RequestTokenAsync(
            emulator.TenantId, ("grant_type", "client_credentials"), ("client_id", AzureEmulatorOptions.DefaultClientId), ("client_secret", "assetbridge-secret"), ("scope", ArmScope));
        var token = await client.SecretTokenAsync(emulator);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        Assert.Equal("temporarily_unavailable", (await faulted.JsonAsync()).Text("error"));
        Assert.NotEmpty(token);
    }

    [Fact]
    public async Task RandomFaults_FollowTheSeed_AndLeaveTheDataWhole()
    {
        var first = await StatusesAsync(seed: 5);
        var second = await StatusesAsync(seed: 5);

        Assert.Equal(first.Statuses, second.Statuses);
        Assert.Contains(first.Statuses, s => s != HttpStatusCode.OK);
        Assert.Contains(first.Statuses, s => s == HttpStatusCode.OK);
        Assert.Equal(first.VmCount, first.ExpectedVmCount);
    }

    private static async Task<(List<HttpStatusCode> Statuses, int VmCount, int ExpectedVmCount)> StatusesAsync(int seed)
    {
        await using var emulator = await StartAsync(o => (o.FaultRate, o.Seed) = (0.4, seed));
        using var client = await ArmClientAsync(emulator);
        var subscription = emulator.Estate.Subscriptions[0].SubscriptionId;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            using var response = await client.GetAsync(VmsPath(subscription));
            statuses.Add(response.StatusCode);
        }

        // Faults change nothing: retrying each faulted page still lists every VM, once.
        var ids = new HashSet<string>(StringComparer.Ordinal);
        string? next = VmsPath(subscription);
        while (next is not null)
        {
            using var response = await client.GetAsync(next);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            var page = await response.JsonAsync();
            foreach (var vm in page.GetProperty("value").EnumerateArray())
            {
                Assert.True(ids.Add(vm.Text("id")));
            }

            next = page.TryGetProperty("nextLink", out var link) ? link.GetString() : null;
        }

        return (statuses, ids.Count, emulator.Estate.Vms.Count(v => v.SubscriptionId == subscription));
    }
}
