using System.Net;
using AssetBridge.Emulators.Azure;
using AssetBridge.Emulators.Tests.Azure.Support;
using static AssetBridge.Emulators.Tests.Azure.Support.AzureTestEmulator;

namespace AssetBridge.Emulators.Tests.Azure.Arm;

public sealed class SubscriptionTests
{
    [Fact]
    public async Task Subscriptions_ListsEveryReadableOne()
    {
        await using var emulator = await StartAsync();
        using var client = await ArmClientAsync(emulator);

        var (items, _) = await client.AllPagesAsync(SubscriptionsPath);

        Assert.Equal(emulator.Estate.Subscriptions.Select(s => s.SubscriptionId).Order(StringComparer.Ordinal), items.Select(i => i.Text("subscriptionId")).Order(StringComparer.Ordinal));
        Assert.All(items, i => Assert.Equal("/subscriptions/" + i.Text("subscriptionId"), i.Text("id")));
        Assert.All(items, i => Assert.Equal(emulator.TenantId, i.Text("tenantId")));
        Assert.All(items, i => Assert.Equal("Enabled", i.Text("state")));
    }

    [Fact]
    public async Task PrincipalWithReaderOnOneSubscription_SeesOnlyThatOne_AndIsRefusedTheOthers()
    {
        var estate = Emulators.Estate.CloudEstate.Generate(new Emulators.Estate.CloudEstateOptions());
        var (readable, other) = (estate.Subscriptions[0].SubscriptionId, estate.Subscriptions[1].SubscriptionId);
        await using var emulator = await StartAsync(o =>
        {
            o.CloudEstate = estate;
            o.Principals.Add(new AzureEmulatorPrincipal("narrow", "narrow-secret", null, [readable]));
        });
        using var client = await ArmClientAsync(emulator, "narrow", "narrow-secret");

        var (items, _) = await client.AllPagesAsync(SubscriptionsPath);
        using var refused = await client.GetAsync(VmsPath(other));

        Assert.Equal([readable], items.Select(i => i.Text("subscriptionId")));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var error = await refused.JsonAsync();
        Assert.Equal("AuthorizationFailed", error.Text("error.code"));
        Assert.Matches(
            $"^The client '[0-9a-f-]{{36}}' with object id '[0-9a-f-]{{36}}' does not have authorization to perform action 'Microsoft.Compute/virtualMachines/read' over scope '/subscriptions/{other}' or the scope is invalid\\.",
            error.Text("error.message"));
    }

    [Fact]
    public async Task PrincipalWithNoRole_SignsInButReadsNothing()
    {
        await using var emulator = await StartAsync(o => o.Principals.Add(new AzureEmulatorPrincipal("no-rbac", "s", null, [])));
        using var client = await ArmClientAsync(emulator, "no-rbac", "s");

        var (items, _) = await client.AllPagesAsync(SubscriptionsPath);

        Assert.Empty(items);
    }

    [Fact]
    public async Task RevokingAccess_TakesEffectOnTheNextRequest_AndGrantingGivesItBack()
    {
        await using var emulator = await StartAsync();
        using var client = await ArmClientAsync(emulator);
        var subscription = emulator.Estate.Subscriptions[2].SubscriptionId;

        emulator.Controls.RevokeAccess(AzureEmulatorOptions.DefaultClientId, subscription);
        using var revoked = await client.GetAsync(NicsPath(subscription));
        var (listed, _) = await client.AllPagesAsync(SubscriptionsPath);
        emulator.Controls.GrantAccess(AzureEmulatorOptions.DefaultClientId, subscription);
        using var granted = await client.GetAsync(NicsPath(subscription));

        Assert.Equal(HttpStatusCode.Forbidden, revoked.StatusCode);
        Assert.DoesNotContain(listed, s => s.Text("subscriptionId") == subscription);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
    }

    [Fact]
    public async Task UnknownSubscription_Answers404SubscriptionNotFound()
    {
        await using var emulator = await StartAsync();
        using var client = await ArmClientAsync(emulator);

        using var response = await client.GetAsync(VmsPath("00000000-0000-4000-8000-000000000000"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = await response.JsonAsync();
        Assert.Equal("SubscriptionNotFound", error.Text("error.code"));
        Assert.Equal("The subscription '00000000-0000-4000-8000-000000000000' could not be found.", error.Text("error.message"));
    }

    [Fact]
    public async Task GetSubscription_AnswersOneSubscription()
    {
        await using var emulator = await StartAsync();
        using var client = await ArmClientAsync(emulator);
        var subscription = emulator.Estate.Subscriptions[1];

        using var response = await client.GetAsync($"subscriptions/{subscription.SubscriptionId}?api-version=2022-12-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(subscription.DisplayName, (await response.JsonAsync()).Text("displayName"));
    }
}
