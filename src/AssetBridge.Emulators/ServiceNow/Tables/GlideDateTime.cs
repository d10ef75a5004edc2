using System.Globalization;

namespace AssetBridge.Emulators.ServiceNow.Tables;

/// <summary>
/// ServiceNow's stored date-time text: "yyyy-MM-dd HH:mm:ss" in UTC. Being fixed-width, it sorts
/// ordinally in time order, which is what lets sys_updated_on watermarks compare as strings.
/// </summary>
internal static class GlideDateTime
{
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
