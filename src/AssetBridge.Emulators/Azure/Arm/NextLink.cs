using Microsoft.AspNetCore.Http;

namespace AssetBridge.Emulators.Azure.Arm;

/// <summary>
/// The absolute URL of the next page, built as ARM's RPC says: the URL the client called, with all
/// its query parameters (api-version, statusOnly, $filter…) kept as sent, and $skiptoken replaced.
/// </summary>
internal static class NextLink
{
    public static string For(HttpRequest request, SkipToken next)
    {
        var kept = (request.QueryString.Value ?? string.Empty).TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsSkipToken(pair));
        var query = string.Join('&', kept.Append("$skiptoken=" + next.Encode()));
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?{query}";
    }

    private static bool IsSkipToken(string pair)
    {
        var name = Uri.UnescapeDataString(pair.Split('=', 2)[0]);
        return string.Equals(name, "$skiptoken", StringComparison.OrdinalIgnoreCase);
    }
}
