namespace AssetBridge.Connectors.Azure.Settings;

/// <summary>
/// A national cloud Entra ID and ARM are known to run in: its authority host and ARM endpoint come as
/// a pair, and only these skip nothing in Entra ID's instance discovery.
/// </summary>
internal sealed record AzureCloud(string Name, Uri AuthorityHost, Uri ArmEndpoint)
{
    public static readonly AzureCloud Public = new("public", new("https://login.microsoftonline.com/"), new("https://management.azure.com/"));
    public static readonly AzureCloud UsGovernment = new("US Government", new("https://login.microsoftonline.us/"), new("https://management.usgovcloudapi.net/"));
    public static readonly AzureCloud China = new("China", new("https://login.chinacloudapi.cn/"), new("https://management.chinacloudapi.cn/"));

    public static IReadOnlyList<AzureCloud> All { get; } = [Public, UsGovernment, China];

    public static AzureCloud? ByAuthority(Uri authorityHost) =>
        All.FirstOrDefault(c => SameHost(c.AuthorityHost, authorityHost));

    public static AzureCloud? ByArmEndpoint(Uri armEndpoint) =>
        All.FirstOrDefault(c => SameHost(c.ArmEndpoint, armEndpoint));

    /// <summary>Whether Entra ID's instance discovery knows this authority; for any other host it must be switched off.</summary>
    public static bool IsKnownAuthority(Uri authorityHost) => ByAuthority(authorityHost) is not null;

    private static bool SameHost(Uri a, Uri b) =>
        a.Scheme == b.Scheme && a.Port == b.Port && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase);
}
