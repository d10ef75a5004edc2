namespace AssetBridge.Emulators.Azure;

/// <summary>One request as the Azure emulator saw it (see <see cref="AzureEmulatorStats.RecentRequests"/>).</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request path, e.g. "/subscriptions".</param>
/// <param name="QueryString">Raw query string including "?", or "".</param>
/// <param name="Endpoint">What it was for: "token", "openid-configuration", "instance-discovery", "keys", "subscriptions", "subscription", "virtualMachines", "networkInterfaces", "publicIPAddresses" or "unknown".</param>
/// <param name="ClientId">The principal it authenticated as, when known.</param>
/// <param name="StatusCode">Status sent; 0 when the connection was aborted first.</param>
public sealed record AzureRecordedRequest(string Method, string Path, string QueryString, string Endpoint, string? ClientId, int StatusCode);
