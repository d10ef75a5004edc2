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

    /// <summary>Formats by hand: every generated row renders two of these, and the pattern formatter is slow.</summary>
    public static string Format(long unixSeconds) => string.Create(19, DateTime.UnixEpoch.AddSeconds(unixSeconds), static (chars, time) =>
    {
        Digits(chars[..4], time.Year);
        chars[4] = '-';
        Digits(chars.Slice(5, 2), time.Month);
        chars[7] = '-';
        Digits(chars.Slice(8, 2), time.Day);
        chars[10] = ' ';
        Digits(chars.Slice(11, 2), time.Hour);
        chars[13] = ':';
        Digits(chars.Slice(14, 2), time.Minute);
        chars[16] = ':';
        Digits(chars.Slice(17, 2), time.Second);
    });

    private static void Digits(Span<char> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    public static bool TryParse(string? text, out long unixSeconds)
    {
        var ok = DateTime.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed);
        unixSeconds = ok ? new DateTimeOffset(parsed, TimeSpan.Zero).ToUnixTimeSeconds() : 0;
        return ok;
    }
}
