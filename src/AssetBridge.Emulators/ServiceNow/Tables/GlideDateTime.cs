using System.Globalization;

namespace AssetBridge.Emulators.ServiceNow.Tables;

/// <summary>
/// ServiceNow's stored date-time text: "yyyy-MM-dd HH:mm:ss" in UTC. Being fixed-width, it sorts
/// ordinally in time order, which is what lets sys_updated_on watermarks compare as strings, and
/// lets the emulator keep it as Unix seconds.
/// </summary>
internal static class GlideDateTime
{
    private const string Pattern = "yyyy-MM-dd HH:mm:ss";

    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    public static string Format(long unixSeconds) => Format(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

    public static bool TryParse(string? text, out long unixSeconds)
    {
        var ok = DateTime.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed);
        unixSeconds = ok ? new DateTimeOffset(parsed, TimeSpan.Zero).ToUnixTimeSeconds() : 0;
        return ok;
    }
}
