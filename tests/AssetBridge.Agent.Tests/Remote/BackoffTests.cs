using AssetBridge.Agent.Remote;

namespace AssetBridge.Agent.Tests.Remote;

public sealed class BackoffTests
{
    [Fact]
    public void Fail_GrowsExponentiallyWithinTheCap_AndSucceedResetsIt()
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), new Random(1));
        var (first, isFirst) = backoff.Fail();
        Assert.True(isFirst);
        Assert.InRange(first, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100));
        for (var i = 0; i < 30; i++)
        {
            var (delay, again) = backoff.Fail();
            Assert.False(again);
            Assert.InRange(delay, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(1));
        }

        Assert.True(backoff.Succeed());
        Assert.False(backoff.Succeed());
        Assert.True(backoff.Fail().First);
    }
}
