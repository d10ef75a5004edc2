using System.Security.Cryptography;
using System.Text;

namespace AssetBridge.Emulators.Azure.Arm.Rendering;

/// <summary>GUIDs derived from a resource id (etags, resourceGuid, disk names): the same on every page and run.</summary>
internal static class StableGuid
{
    public static Guid Of(string purpose, string id)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(purpose + "|" + id.ToLowerInvariant()));
        return new Guid(hash.AsSpan(0, 16));
    }

    public static string Etag(string id) => $"W/\"{Of("etag", id):D}\"";

    /// <summary>A time in the two years before 2026-01-01, fixed per id (e.g. timeCreated).</summary>
    public static DateTimeOffset Instant(string purpose, string id)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(purpose + "|" + id.ToLowerInvariant()));
        var seconds = BitConverter.ToUInt32(hash, 0) % (2 * 365 * 24 * 3600);
        return new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(seconds);
    }
}
