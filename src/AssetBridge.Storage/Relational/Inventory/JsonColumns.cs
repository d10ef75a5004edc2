using System.Text.Json;

namespace AssetBridge.Storage.Relational.Inventory;

/// <summary>
/// The list and tag columns of cloud VMs: JSON text, the same in every dialect, kept in the order the
/// record had. An empty list or tag set is stored as NULL (most VMs have no public IP, many no tags),
/// and read back as empty.
/// </summary>
internal static class JsonColumns
{
    private static readonly IReadOnlyList<string> NoItems = [];

    public static string? WriteList(IReadOnlyList<string>? items) =>
        items is null || items.Count == 0 ? null : JsonSerializer.Serialize(items);

    public static IReadOnlyList<string> ReadList(string? json) =>
        json is null ? NoItems : JsonSerializer.Deserialize<string[]>(json) ?? NoItems;

    public static string? WriteTags(IReadOnlyDictionary<string, string>? tags) =>
        tags is null || tags.Count == 0 ? null : JsonSerializer.Serialize(tags);

    /// <summary>A fresh dictionary each time: callers own what they read.</summary>
    public static IReadOnlyDictionary<string, string> ReadTags(string? json) =>
        json is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? new Dictionary<string, string>(StringComparer.Ordinal);
}
