using AssetBridge.Core.Inventory;
using AssetBridge.Core.Inventory.Correlation;

namespace AssetBridge.Core.Tests.Inventory.Correlation;

public sealed class TagCriticalityTests
{
    private static CloudVm Tagged(string name, string value) => new()
    {
        ResourceId = "/subscriptions/s/resourcegroups/rg/providers/microsoft.compute/virtualmachines/v",
        SubscriptionId = "s",
        Tags = new Dictionary<string, string> { [name] = value },
    };

    [Theory]
    [InlineData("Criticality", "High", 1)]
    [InlineData("business-criticality", "1 - most critical", 0)]
    [InlineData("BusinessCriticality", "low", 3)]
    public void Evaluate_ReadsACriticalityTag_OnEitherScale(string tag, string value, int level)
    {
        var result = TagCriticality.Evaluate(Tagged(tag, value));

        Assert.Equal(level, result.Level);
        Assert.Contains($"Azure tag '{tag}'", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_IsUnknown_WithoutAUsableTag()
    {
        Assert.Null(TagCriticality.Evaluate(Tagged("owner", "web team")).Level);
        Assert.Null(TagCriticality.Evaluate(Tagged("criticality", "whenever")).Level);
    }
}
