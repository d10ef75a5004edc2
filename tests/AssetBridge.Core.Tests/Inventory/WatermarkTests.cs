using AssetBridge.Core.Inventory;

namespace AssetBridge.Core.Tests.Inventory;

public sealed class WatermarkTests
{
    [Fact]
    public void CompareTo_OrdersByTimeThenSysId()
    {
        var early = new Watermark("2026-01-01 00:00:00", "ffff");
        var sameSecondLow = new Watermark("2026-01-01 00:00:01", "0001");
        var sameSecondHigh = new Watermark("2026-01-01 00:00:01", "0002");

        Assert.True(early.CompareTo(sameSecondLow) < 0);
        Assert.True(sameSecondLow.CompareTo(sameSecondHigh) < 0);
        Assert.Equal(sameSecondHigh, Watermark.Max(sameSecondLow, sameSecondHigh));
        Assert.Equal(early, Watermark.Max(null, early));
    }
}
