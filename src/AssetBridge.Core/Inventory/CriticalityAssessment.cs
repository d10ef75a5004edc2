namespace AssetBridge.Core.Inventory;

/// <summary>A device's criticality level (0 very high .. 3 low, null unknown) and the sentence saying what decided it.</summary>
public sealed record CriticalityAssessment(int? Level, string? Reason)
{
    public static readonly CriticalityAssessment Unknown = new(null, null);
}
