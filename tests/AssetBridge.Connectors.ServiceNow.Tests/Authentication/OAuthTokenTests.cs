using AssetBridge.Connectors.ServiceNow.Authentication;

namespace AssetBridge.Connectors.ServiceNow.Tests.Authentication;

public class OAuthTokenTests
{
    private static readonly DateTimeOffset Issued = new(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NeedsRenewal_WhenLessThanTenPercentOfALongLifetimeRemains()
    {
        var token = new OAuthToken("t", null, Issued, TimeSpan.FromHours(1));

        Assert.False(token.NeedsRenewal(Issued + TimeSpan.FromMinutes(53)));
        Assert.True(token.NeedsRenewal(Issued + TimeSpan.FromMinutes(54)));
    }

    [Fact]
    public void NeedsRenewal_WhenLessThanSixtySecondsOfAShortLifetimeRemain()
    {
        var token = new OAuthToken("t", null, Issued, TimeSpan.FromSeconds(1799));

        Assert.False(token.NeedsRenewal(Issued + TimeSpan.FromSeconds(1619)));
        Assert.True(token.NeedsRenewal(Issued + TimeSpan.FromSeconds(1620)));
    }

    [Fact]
    public void ToString_NeverShowsTheToken()
    {
        var token = new OAuthToken("very-secret-access", "very-secret-refresh", Issued, TimeSpan.FromHours(1));

        Assert.DoesNotContain("very-secret", token.ToString(), StringComparison.Ordinal);
    }
}
