using System.Net;
using System.Net.Sockets;

namespace AssetBridge.Core.Inventory.Correlation;

/// <summary>Tells globally routable addresses from private, shared, loopback, link-local and documentation ones.</summary>
public static class PublicAddress
{
    private static readonly IPNetwork[] NotPublic = Ranges().Select(r => new IPNetwork(r.Network, r.Prefix)).ToArray();

    private static IEnumerable<(IPAddress Network, int Prefix)> Ranges() =>
    [
        (IPAddress.Parse("0.0.0.0"), 8),
        (IPAddress.Parse("10.0.0.0"), 8),
        (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("127.0.0.0"), 8),
        (IPAddress.Parse("169.254.0.0"), 16),
        (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.0.0.0"), 24),
        (IPAddress.Parse("192.0.2.0"), 24),
        (IPAddress.Parse("192.168.0.0"), 16),
        (IPAddress.Parse("198.18.0.0"), 15),
        (IPAddress.Parse("198.51.100.0"), 24),
        (IPAddress.Parse("203.0.113.0"), 24),
        (IPAddress.Parse("224.0.0.0"), 3),
        (IPAddress.Parse("::"), 127),
        (IPAddress.Parse("fc00::"), 7),
        (IPAddress.Parse("fe80::"), 10),
        (IPAddress.Parse("ff00::"), 8),
        (IPAddress.Parse("2001:db8::"), 32),
    ];

    /// <summary>True when the text is an IP address reachable from the internet.</summary>
    public static bool IsPublic(string? text)
    {
        if (text is null || !IPAddress.TryParse(text.Trim(), out var address))
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var network in NotPublic)
        {
            if (network.Contains(address))
            {
                return false;
            }
        }

        return address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6;
    }
}
