namespace AssetBridge.Core.Inventory;

/// <summary>
/// Maps ServiceNow criticality choices onto the four exposure levels, 0 (very high) to 3 (low):
/// "1 - most critical" -> 0, "2 - somewhat critical" -> 1, "3 - less critical" -> 2, "4 - not critical" -> 3.
/// The bare choice number ("1".."4") and the label without its number are accepted too, because
/// instances differ in whether choice values or labels are stored.
/// </summary>
public static class CriticalityScale
{
    public const int VeryHigh = 0;
    public const int Low = 3;

    private static readonly string[] Labels = ["most critical", "somewhat critical", "less critical", "not critical"];

    /// <summary>The level for a raw value, or null when the value is empty or not a known choice.</summary>
    public static int? Parse(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var value = raw.Trim();
        if (value[0] is >= '1' and <= '4' && (value.Length == 1 || !char.IsDigit(value[1])))
        {
            return value[0] - '1';
        }

        for (var i = 0; i < Labels.Length; i++)
        {
            if (value.Equals(Labels[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>A human name for a level, as shown in summaries.</summary>
    public static string Name(int level) => level switch
    {
        0 => "very high",
        1 => "high",
        2 => "medium",
        3 => "low",
        _ => "unknown",
    };
}
