using Microsoft.AspNetCore.Http;

namespace AssetBridge.Emulators.ServiceNow.Api;

/// <summary>sysparm_display_value.</summary>
internal enum DisplayValueMode
{
    /// <summary>Stored values (the default).</summary>
    False,

    /// <summary>Display strings only.</summary>
    True,

    /// <summary>Both, as {"display_value","value"}.</summary>
    All,
}

/// <summary>Which form of the path was called: /api/now/table (latest), /api/now/v1/table or /api/now/v2/table.</summary>
internal enum ApiVersion
{
    Latest,
    V1,
    V2,
}

/// <summary>The sysparm_* parameters of a Table API GET, with ServiceNow's defaults.</summary>
internal sealed record TableRequestParameters(
    IReadOnlyList<string>? Fields,
    int Limit,
    int Offset,
    string? Query,
    DisplayValueMode DisplayValue,
    bool ExcludeReferenceLink,
    bool NoCount,
    bool SuppressPaginationHeader)
{
    public const int DefaultLimit = 10000;

    // Keeps offset + limit arithmetic inside int.
    private const int MaxLimit = 1_000_000_000;

    public static TableRequestParameters From(IQueryCollection query)
    {
        var fields = Text(query, "sysparm_fields") is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList()
            : null;
        var limit = int.TryParse(Text(query, "sysparm_limit"), out var l) && l > 0 ? Math.Min(l, MaxLimit) : DefaultLimit;
        var offset = int.TryParse(Text(query, "sysparm_offset"), out var o) && o > 0 ? Math.Min(o, MaxLimit) : 0;
        var display = Text(query, "sysparm_display_value")?.ToLowerInvariant() switch
        {
            "true" => DisplayValueMode.True,
            "all" => DisplayValueMode.All,
            _ => DisplayValueMode.False,
        };
        return new TableRequestParameters(
            fields,
            limit,
            offset,
            Text(query, "sysparm_query"),
            display,
            Flag(query, "sysparm_exclude_reference_link"),
            Flag(query, "sysparm_no_count"),
            Flag(query, "sysparm_suppress_pagination_header"));
    }

    private static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) ? values.ToString() : null;

    private static bool Flag(IQueryCollection query, string name) =>
        string.Equals(Text(query, name), "true", StringComparison.OrdinalIgnoreCase);
}
