using System.Net;
using AssetBridge.Core.Inventory;

namespace AssetBridge.Connectors.Azure.Resources;

/// <summary>
/// One subscription's network interfaces and public IP addresses, indexed by lower-case resource id,
/// holding only what a VM record needs (MAC, private IPs, public IP ids and addresses). Built before
/// the VM pages are read and dropped with the job, so memory is bounded by the subscription's NIC and
/// public IP count, never by the tenant's. The two listings fill it concurrently, one map each.
/// </summary>
internal sealed class NetworkIndex
{
    private readonly Dictionary<string, Nic> _nics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Nic>> _nicsByVm = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _publicIps = new(StringComparer.Ordinal);

    public int NetworkInterfaces => _nics.Count;

    public int PublicIpAddresses => _publicIps.Count;

    public void Add(NetworkInterfaceItem? item)
    {
        var id = CloudIds.ResourceId(item?.Id);
        if (id is null)
        {
            return;
        }

        var properties = item!.Properties;
        var configurations = (properties?.IpConfigurations ?? [])
            .Where(c => c?.Properties is not null)
            .OrderByDescending(c => c!.Properties!.Primary == true)
            .Select(c => new IpConfig(PrivateIp(c!.Properties!.PrivateIpAddress), CloudIds.ResourceId(c.Properties.PublicIpAddress?.Id)))
            .ToArray();
        var nic = new Nic(id, CloudIds.Mac(properties?.MacAddress), properties?.Primary == true, configurations);
        _nics[id] = nic;
        if (CloudIds.ResourceId(properties?.VirtualMachine?.Id) is { } vm)
        {
            if (!_nicsByVm.TryGetValue(vm, out var list))
            {
                _nicsByVm[vm] = list = [];
            }

            list.Add(nic);
        }
    }

    public void Add(PublicIpAddressItem? item)
    {
        // A Dynamic address that is not assigned yet has no ipAddress; it exposes nothing.
        if (CloudIds.ResourceId(item?.Id) is { } id && PublicIp(item!.Properties?.IpAddress) is { } address)
        {
            _publicIps[id] = address;
        }
    }

    /// <summary>
    /// The addresses of a VM: its NICs as the VM lists them (primary first), then any NIC that names the
    /// VM but that the VM does not list. MACs, private and public IPs each without repeats, in that order.
    /// </summary>
    public (IReadOnlyList<string> Macs, IReadOnlyList<string> PrivateIps, IReadOnlyList<string> PublicIps) AddressesOf(string vmId, IEnumerable<string> nicIds)
    {
        var nics = new List<Nic>();
        foreach (var nicId in nicIds)
        {
            if (_nics.TryGetValue(nicId, out var nic) && !nics.Contains(nic))
            {
                nics.Add(nic);
            }
        }

        if (_nicsByVm.TryGetValue(vmId, out var named))
        {
            nics.AddRange(named.Where(n => !nics.Contains(n)).OrderByDescending(n => n.Primary));
        }

        var macs = new List<string>();
        var privateIps = new List<string>();
        var publicIps = new List<string>();
        foreach (var nic in nics)
        {
            AddOnce(macs, nic.Mac);
            foreach (var configuration in nic.IpConfigurations)
            {
                AddOnce(privateIps, configuration.PrivateIp);
                AddOnce(publicIps, configuration.PublicIpId is { } pip && _publicIps.TryGetValue(pip, out var address) ? address : null);
            }
        }

        return (macs, privateIps, publicIps);
    }

    /// <summary>
    /// A private address as an IP, or as a CIDR prefix when Azure assigned the NIC a prefix
    /// (<c>172.20.2.16/28</c>): kept whole, so it joins no host by its network address. Null when neither.
    /// </summary>
    internal static string? PrivateIp(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (IPAddress.TryParse(trimmed, out var address) && !trimmed.Contains('/', StringComparison.Ordinal))
        {
            return address.ToString();
        }

        return IPNetwork.TryParse(trimmed, out var network) ? network.ToString() : null;
    }

    internal static string? PublicIp(string? text) =>
        !string.IsNullOrWhiteSpace(text) && IPAddress.TryParse(text.Trim(), out var address) ? address.ToString() : null;

    private static void AddOnce(List<string> list, string? value)
    {
        if (value is not null && !list.Contains(value, StringComparer.Ordinal))
        {
            list.Add(value);
        }
    }

    private sealed record IpConfig(string? PrivateIp, string? PublicIpId);

    private sealed record Nic(string Id, string? Mac, bool Primary, IpConfig[] IpConfigurations);
}
