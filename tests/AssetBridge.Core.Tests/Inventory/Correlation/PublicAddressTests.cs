using AssetBridge.Core.Inventory.Correlation;

namespace AssetBridge.Core.Tests.Inventory.Correlation;

public sealed class PublicAddressTests
{
    [Theory]
    [InlineData("20.1.2.3", true)]
    [InlineData("52.10.20.30", true)]
    [InlineData("2603:1030::5", true)]
    [InlineData("10.0.0.4", false)]
    [InlineData("172.20.2.16", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("127.0.0.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("198.51.100.7", false)]
    [InlineData("fd00::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("::1", false)]
    [InlineData("not an address", false)]
    [InlineData(null, false)]
    public void IsPublic_TellsRoutableAddressesFromTheRest(string? address, bool expected) =>
        Assert.Equal(expected, PublicAddress.IsPublic(address));
}
