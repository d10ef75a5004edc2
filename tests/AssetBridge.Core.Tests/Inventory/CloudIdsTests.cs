using AssetBridge.Core.Inventory;

namespace AssetBridge.Core.Tests.Inventory;

public sealed class CloudIdsTests
{
    [Theory]
    [InlineData("00-0D-3A-1B-C7-21")]
    [InlineData("00:0d:3a:1b:c7:21")]
    [InlineData("000D.3A1B.C721")]
    [InlineData("000D3A1BC721")]
    [InlineData(" 00:0D:3A:1B:C7:21 ")]
    public void Mac_NormalisesAzureAndServiceNowForms_ToOneForm(string raw) =>
        Assert.Equal("00:0d:3a:1b:c7:21", CloudIds.Mac(raw));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("00:00:00:00:00:00")]
    [InlineData("00-0D-3A-1B-C7")]
    [InlineData("00-0D-3A-1B-C7-21-22")]
    [InlineData("zz-0D-3A-1B-C7-21")]
    public void Mac_RefusesWhatIsNotAUsableMacAddress(string? raw) => Assert.Null(CloudIds.Mac(raw));

    [Fact]
    public void ResourceId_ComparesCaseInsensitively_ByNormalisingOnce()
    {
        var azure = CloudIds.ResourceId("/subscriptions/AB12/resourceGroups/RG-Web/providers/Microsoft.Compute/virtualMachines/Web01");
        var cmdb = CloudIds.ResourceId("/SUBSCRIPTIONS/ab12/resourcegroups/rg-web/providers/microsoft.compute/virtualmachines/web01/");

        Assert.Equal(azure, cmdb);
        Assert.Equal("ab12", CloudIds.SubscriptionOf(cmdb));
    }

    [Theory]
    [InlineData("/providers/Microsoft.Compute/virtualMachines/x")]
    [InlineData("not an id")]
    [InlineData("/subscriptions/")]
    [InlineData(null)]
    public void SubscriptionOf_IsNull_WhenTheIdNamesNone(string? id) => Assert.Null(CloudIds.SubscriptionOf(id));

    [Theory]
    [InlineData("WEB01.contoso.com", "web01")]
    [InlineData("web01", "web01")]
    [InlineData("10.0.0.4", "10.0.0.4")]
    public void HostName_IsTheFirstLabel_LowerCase(string raw, string expected) => Assert.Equal(expected, CloudIds.HostName(raw));
}
