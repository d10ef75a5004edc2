using AssetBridge.Connectors.Azure.Settings;
using AssetBridge.Core.Errors;

namespace AssetBridge.Connectors.Azure.Tests.Settings;

public class AzureConnectorSettingsTests
{
    [Fact]
    public void Describe_WithNothing_ChoosesThePublicCloudAndEverySubscription()
    {
        var (target, json) = AzureConnectorSettings.Describe(null, null, null);
        var settings = AzureConnectorSettings.FromJson(json);

        Assert.Equal("https://management.azure.com/", target);
        Assert.Equal("https://login.microsoftonline.com/", settings.AuthorityHost);
        Assert.Empty(settings.Subscriptions);
    }

    [Theory]
    [InlineData("https://login.microsoftonline.us", null, "https://login.microsoftonline.us/", "https://management.usgovcloudapi.net/")]
    [InlineData(null, "https://management.chinacloudapi.cn/", "https://login.chinacloudapi.cn/", "https://management.chinacloudapi.cn/")]
    [InlineData("https://login.microsoftonline.com/", "https://management.local.azurestack.external", "https://login.microsoftonline.com/", "https://management.local.azurestack.external/")]
    [InlineData("https://127.0.0.1:8443/", "https://127.0.0.1:8443/", "https://127.0.0.1:8443/", "https://127.0.0.1:8443/")]
    [InlineData("http://localhost:5000", "http://localhost:5000", "http://localhost:5000/", "http://localhost:5000/")]
    public void Describe_FillsInTheOtherHostOfAKnownCloud(string? authority, string? arm, string expectedAuthority, string expectedArm)
    {
        var (target, json) = AzureConnectorSettings.Describe([], authority, arm);

        Assert.Equal(expectedArm, target);
        Assert.Equal(expectedAuthority, AzureConnectorSettings.FromJson(json).AuthorityHost);
    }

    [Fact]
    public void Describe_NormalisesSubscriptionsToLowerCaseGuids_WithoutRepeats()
    {
        var (_, json) = AzureConnectorSettings.Describe(["291BBA3F-E0A5-47BC-A099-3BDCB2A50A05", " 291bba3f-e0a5-47bc-a099-3bdcb2a50a05 ", "72ac930a-f34e-42d8-b06d-dc2a9e12ed71"], null, null);

        Assert.Equal(["291bba3f-e0a5-47bc-a099-3bdcb2a50a05", "72ac930a-f34e-42d8-b06d-dc2a9e12ed71"], AzureConnectorSettings.FromJson(json).Subscriptions);
    }

    [Theory]
    [InlineData(new[] { "prod" }, null, null, "'prod' is not a subscription id; give the subscription's GUID")]
    [InlineData(new string[0], "http://login.example.com", "https://management.azure.com", "refusing plain http to a non-loopback host ('login.example.com')")]
    [InlineData(new string[0], "https://login.microsoftonline.us", "https://management.azure.com", "belongs to the US Government cloud but the ARM endpoint management.azure.com to the public cloud")]
    [InlineData(new string[0], "https://login.contoso.example", null, "give --arm-endpoint too")]
    [InlineData(new string[0], null, "https://arm.contoso.example", "give --authority-host too")]
    [InlineData(new string[0], "https://user:pw@login.microsoftonline.com", null, "must not carry a user name or password")]
    [InlineData(new string[0], "https://login.microsoftonline.com/contoso.onmicrosoft.com", null, "is a host, not a path")]
    [InlineData(new string[0], "login.microsoftonline.com", null, "write it with its scheme")]
    public void Describe_RefusesBadInput_WithOneUsageSentence(string[] subscriptions, string? authority, string? arm, string expected)
    {
        var e = Assert.Throws<AssetBridgeException>(() => AzureConnectorSettings.Describe(subscriptions, authority, arm));

        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_RefusesJsonThatIsNotJson_AsConfiguration()
    {
        var e = Assert.Throws<AssetBridgeException>(() => AzureConnectorSettings.FromJson("{not json"));

        Assert.Equal(ErrorKind.Configuration, e.Kind);
        Assert.StartsWith("The connector's Azure settings are not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Validate_NamesTheSettingOutOfRange()
    {
        var options = new AzureModuleOptions { PacingFloor = 250 };

        var e = Assert.Throws<AssetBridgeException>(options.Validate);

        Assert.Equal("The Azure connector setting PacingFloor is out of range; set it to 0 to ReadBucketSize less one.", e.Message);
    }
}
