using AssetBridge.Core.Inventory;

namespace AssetBridge.Core.Tests.Inventory;

public sealed class CriticalityScaleTests
{
    [Theory]
    [InlineData("1 - most critical", 0)]
    [InlineData("2 - somewhat critical", 1)]
    [InlineData("3 - less critical", 2)]
    [InlineData("4 - not critical", 3)]
    [InlineData("  1 - most critical ", 0)]
    [InlineData("2", 1)]
    [InlineData("Not Critical", 3)]
    public void Parse_MapsServiceNowChoices_ToLevels(string raw, int expected) =>
        Assert.Equal(expected, CriticalityScale.Parse(raw));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("5 - unknown")]
    [InlineData("12")]
    [InlineData("high")]
    public void Parse_ReturnsNull_ForUnknownOrEmptyValues(string? raw) =>
        Assert.Null(CriticalityScale.Parse(raw));
}
