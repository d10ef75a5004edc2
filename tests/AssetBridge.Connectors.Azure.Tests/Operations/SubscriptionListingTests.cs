using System.Net;
using AssetBridge.Connectors.Azure.Arm;
using AssetBridge.Connectors.Azure.Failures;
using AssetBridge.Connectors.Azure.Operations;
using AssetBridge.Connectors.Azure.Tests.Support;

namespace AssetBridge.Connectors.Azure.Tests.Operations;

public class SubscriptionListingTests
{
    private const string Enabled = "291bba3f-e0a5-47bc-a099-3bdcb2a50a05";
    private const string PastDue = "72ac930a-f34e-42d8-b06d-dc2a9e12ed71";
    private const string Disabled = "8d2c1d4e-3f0a-4b7e-9a61-5c2f0e7d9b13";

    [Fact]
    public async Task Listing_ReadsEnabledWarnedAndPastDue_AndNotDisabled()
    {
        var listing = await ReadAsync();

        Assert.Equal([Enabled, PastDue], listing.Select([]));
        Assert.Equal("Disabled", listing.NotReadable[Disabled]);
    }

    [Fact]
    public async Task Select_RefusesANamedDisabledSubscription_ByItsState()
    {
        var listing = await ReadAsync();

        var e = Assert.Throws<AzureApiException>(() => listing.Select([Disabled]));

        Assert.Equal($"Subscription {Disabled} is Disabled, so Azure serves no reads of its resources; re-enable it, or remove it from the connector's subscriptions.", e.Message);
    }

    [Fact]
    public async Task Select_KeepsOnlyTheNamedSubscriptions()
    {
        var listing = await ReadAsync();

        Assert.Equal([PastDue], listing.Select([PastDue]));
    }

    private static async Task<SubscriptionListing> ReadAsync()
    {
        using var harness = new ArmHarness(_ => StubHandler.Json(
            HttpStatusCode.OK,
            StubHandler.Page(
                null,
                $$"""{"subscriptionId":"{{Enabled.ToUpperInvariant()}}","state":"Enabled"}""",
                $$"""{"id":"/subscriptions/{{PastDue}}","state":"PastDue"}""",
                $$"""{"subscriptionId":"{{Disabled}}","state":"Disabled"}""",
                """{"subscriptionId":"not-a-guid","state":"Enabled"}"""),
            ("x-ms-ratelimit-remaining-tenant-reads", "11999")));
        return await SubscriptionListing.ReadAsync(harness.Client, ArmHarness.Arm, harness.Authenticator, CancellationToken.None);
    }
}
