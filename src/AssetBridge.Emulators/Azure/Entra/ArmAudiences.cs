using AssetBridge.Emulators.Azure.Hosting;

namespace AssetBridge.Emulators.Azure.Entra;

/// <summary>
/// The resources a token may be for, and the audiences ARM accepts: management.azure.com and
/// management.core.windows.net (with or without the trailing slash, as ARM does), and the
/// emulator's own address standing in for them.
/// </summary>
internal sealed class ArmAudiences(ListenAddress address)
{
    private HashSet<string>? accepted;

    /// <summary>The list ARM quotes in InvalidAuthenticationTokenAudience.</summary>
    public const string QuotedList = "'https://management.core.windows.net/','https://management.core.windows.net','https://management.azure.com/','https://management.azure.com'";

    public bool Accepts(string? audience) => audience is not null && Accepted().Contains(audience);

    private HashSet<string> Accepted()
    {
        if (Volatile.Read(ref accepted) is { } known)
        {
            return known;
        }

        var port = address.Value.Port;
        string[] withSlash = ["https://management.azure.com/", "https://management.core.windows.net/", $"https://127.0.0.1:{port}/", $"https://localhost:{port}/"];
        var set = new HashSet<string>(withSlash.Concat(withSlash.Select(a => a.TrimEnd('/'))), StringComparer.OrdinalIgnoreCase);
        Volatile.Write(ref accepted, set);
        return set;
    }
}
