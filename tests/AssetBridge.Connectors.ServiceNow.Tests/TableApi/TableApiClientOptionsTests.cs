using AssetBridge.Connectors.ServiceNow.TableApi;
using AssetBridge.Core.Errors;

namespace AssetBridge.Connectors.ServiceNow.Tests.TableApi;

public class TableApiClientOptionsTests
{
    [Fact]
    public void Defaults_AreValid_AndAsDocumented()
    {
        var options = new TableApiClientOptions();

        options.Validate();
        Assert.Equal(TimeSpan.FromSeconds(100), options.RequestTimeout);
        Assert.Equal(6, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1), options.RetryBaseDelay);
        Assert.Equal(10, options.MaxConsecutiveRateLimits);
        Assert.Equal(TimeSpan.FromSeconds(1), options.DefaultRetryAfter);
    }

    [Fact]
    public void Validate_NamesTheSettingOutOfRange()
    {
        var e = Assert.Throws<AssetBridgeException>(() => new TableApiClientOptions { MaxAttempts = 0 }.Validate());

        Assert.Equal(ErrorKind.Configuration, e.Kind);
        Assert.Equal("The Table API setting MaxAttempts is out of range; set it to 1 to 20.", e.Message);
    }

    [Fact]
    public void Validate_RefusesAConnectTimeoutLongerThanTheRequestTimeout()
    {
        var e = Assert.Throws<AssetBridgeException>(() => new TableApiClientOptions { RequestTimeout = TimeSpan.FromSeconds(5), ConnectTimeout = TimeSpan.FromSeconds(10) }.Validate());

        Assert.Contains("ConnectTimeout", e.Message, StringComparison.Ordinal);
    }
}
