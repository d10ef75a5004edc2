using System.Globalization;
using AssetBridge.Core.Errors;

namespace AssetBridge.Core.Application;

/// <summary>Durations as users write them: a whole number and a unit, <c>30s</c>, <c>30m</c>, <c>6h</c>, <c>1d</c>.</summary>
public static class DurationText
{
    public static TimeSpan Parse(string text, string option)
    {
        var trimmed = text.Trim();
        if (trimmed.Length >= 2
            && long.TryParse(trimmed.AsSpan(0, trimmed.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            && amount > 0
            && amount <= 100_000)
        {
            switch (char.ToLowerInvariant(trimmed[^1]))
            {
                case 's': return TimeSpan.FromSeconds(amount);
                case 'm': return TimeSpan.FromMinutes(amount);
                case 'h': return TimeSpan.FromHours(amount);
                case 'd': return TimeSpan.FromDays(amount);
            }
        }

        throw new AssetBridgeException(ErrorKind.Usage, $"{option} takes a duration such as 30m, 6h or 1d, not '{text}'.");
    }

    /// <summary>The shortest exact form: 1d, 6h, 90m, 45s.</summary>
    public static string Format(TimeSpan value) =>
        value.Ticks % TimeSpan.TicksPerDay == 0 ? $"{value.Ticks / TimeSpan.TicksPerDay}d"
        : value.Ticks % TimeSpan.TicksPerHour == 0 ? $"{value.Ticks / TimeSpan.TicksPerHour}h"
        : value.Ticks % TimeSpan.TicksPerMinute == 0 ? $"{value.Ticks / TimeSpan.TicksPerMinute}m"
        : $"{(long)value.TotalSeconds}s";
}
