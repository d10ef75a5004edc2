namespace AssetBridge.Core.Inventory.Correlation;

/// <summary>
/// The criticality of a VM no CMDB record describes, from its Azure tags when its owners wrote one
/// (<c>criticality</c>, <c>business-criticality</c>, <c>businessCriticality</c>, <c>business_criticality</c>),
/// on the CMDB's scale or as very high / high / medium / low; otherwise unknown.
/// </summary>
public static class TagCriticality
{
    private static readonly string[] TagNames = ["criticality", "business-criticality", "businesscriticality", "business_criticality"];

    private static readonly string[] Words = ["very high", "high", "medium", "low"];

    public static CriticalityAssessment Evaluate(CloudVm vm)
    {
        foreach (var (name, value) in vm.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (!TagNames.Contains(name.ToLowerInvariant()))
            {
                continue;
            }

            var level = CriticalityScale.Parse(value) ?? WordLevel(value);
            if (level is not null)
            {
                return new CriticalityAssessment(level, $"Azure tag '{name}' is '{value.Trim()}' (no CMDB record)");
            }
        }

        return CriticalityAssessment.Unknown;
    }

    private static int? WordLevel(string value)
    {
        var index = Array.FindIndex(Words, w => w.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : index;
    }
}
