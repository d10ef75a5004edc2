using Microsoft.AspNetCore.WebUtilities;

namespace AssetBridge.Emulators.ServiceNow;

/// <summary>One request as the emulator saw it (see <see cref="EmulatorStats.RecentRequests"/>).</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request path, e.g. "/api/now/table/cmdb_ci_computer".</param>
/// <param name="QueryString">Raw query string including "?", or "".</param>
/// <param name="Username">The authenticated user, or null.</param>
/// <param name="StatusCode">Status sent; 0 when the connection was aborted first.</param>
/// <param name="ReceivedAt">When it arrived, by the emulator's TimeProvider.</param>
public sealed record RecordedRequest(string Method, string Path, string QueryString, string? Username, int StatusCode, DateTimeOffset ReceivedAt)
{
    /// <summary>A query parameter's decoded value (e.g. "sysparm_query"), or null when absent.</summary>
    public string? Parameter(string name) =>
        QueryHelpers.ParseQuery(QueryString).TryGetValue(name, out var values) ? values.ToString() : null;
}
