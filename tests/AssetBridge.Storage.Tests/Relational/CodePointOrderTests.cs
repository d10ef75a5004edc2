using AssetBridge.Storage.Relational;

namespace AssetBridge.Storage.Tests.Relational;

public sealed class CodePointOrderTests
{
    [Theory]
    [InlineData("a", "b")]
    [InlineData("D3", "d10")]
    [InlineData("d1", "d10")]
    [InlineData("\uFFFD", "\U0001F600")]
    [InlineData("", "a")]
    public void Compare_OrdersLikeUtf8Bytes(string lower, string higher)
    {
        Assert.True(CodePointOrder.Compare(lower, higher) < 0);
        Assert.True(CodePointOrder.Compare(higher, lower) > 0);
        Assert.Equal(0, CodePointOrder.Compare(lower, lower));
        Assert.True(System.Text.Encoding.UTF8.GetBytes(lower).AsSpan().SequenceCompareTo(System.Text.Encoding.UTF8.GetBytes(higher)) < 0);
    }
}
