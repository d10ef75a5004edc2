using System.Net;
using System.Net.Sockets;
using System.Numerics;
using AssetBridge.Core.Errors;

namespace AssetBridge.Core.Agents;

/// <summary>
/// A contiguous range of addresses of one family: a single address, <c>first-last</c>, or CIDR
/// <c>address/prefix</c>. IPv4-mapped IPv6 addresses are compared as IPv4.
/// </summary>
public sealed record IpRange(AddressFamily Family, UInt128 First, UInt128 Last, string Text)
{
    public static IpRange Parse(string text)
    {
        var trimmed = text.Trim();
        try
        {
            var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                var network = IPNetwork.Parse(trimmed);
                var (family, value) = Number(network.BaseAddress);
                var bits = family == AddressFamily.InterNetwork ? 32 : 128;
                var hostBits = bits - network.PrefixLength;
                var span = hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
                return new IpRange(family, value, value | span, trimmed);
            }

            var dash = trimmed.IndexOf('-', StringComparison.Ordinal);
            if (dash >= 0)
            {
                var (firstFamily, first) = Number(IPAddress.Parse(trimmed[..dash].Trim()));
                var (lastFamily, last) = Number(IPAddress.Parse(trimmed[(dash + 1)..].Trim()));
                if (firstFamily != lastFamily || last < first)
                {
                    throw new FormatException();
                }

                return new IpRange(firstFamily, first, last, trimmed);
            }

            var (singleFamily, single) = Number(IPAddress.Parse(trimmed));
            return new IpRange(singleFamily, single, single, trimmed);
        }
        catch (FormatException)
        {
            throw new AssetBridgeException(
                ErrorKind.Usage,
                $"'{text}' is not an IP range; write an address (10.1.2.3), a range (10.1.2.3-10.1.2.9) or CIDR (10.0.0.0/8), optionally prefixed with ! to exclude it.");
        }
    }

    public bool Contains(IPAddress address)
    {
        var (family, value) = Number(address);
        return family == Family && value >= First && value <= Last;
    }

    public override string ToString() => Text;

    private static (AddressFamily Family, UInt128 Value) Number(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        return (address.AddressFamily, (UInt128)value);
    }
}
