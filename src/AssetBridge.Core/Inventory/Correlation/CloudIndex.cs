namespace AssetBridge.Core.Inventory.Correlation;

/// <summary>
/// The live cloud VMs, indexed by every identifier a CMDB record may share with them, and the
/// subscriptions whose last listing completed. Memory grows with the cloud estate (VMs), never with
/// the CMDB, which is streamed past it. Remembers which VMs a CMDB record claimed, so the rest can be
/// reported as unmanaged.
/// </summary>
public sealed class CloudIndex
{
    private readonly List<CloudRecord> _all = [];
    private readonly Dictionary<string, CloudRecord> _byVmId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CloudRecord> _byResourceId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CloudRecord?> _byMac = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Host, string Ip), CloudRecord?> _byNameIp = [];
    private readonly HashSet<string> _listedSubscriptions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _claimed = new(StringComparer.Ordinal);

    public int Count => _all.Count;

    public bool IsEmpty => _all.Count == 0 && _listedSubscriptions.Count == 0;

    /// <summary>Adds a live VM. A MAC or (name, IP) shared by two VMs is ambiguous and joins neither.</summary>
    public void Add(CloudRecord record)
    {
        var vm = record.Vm;
        _all.Add(record);
        _byResourceId[vm.ResourceId] = record;
        if (vm.VmId is { } vmId)
        {
            _byVmId[vmId] = record;
        }

        foreach (var mac in vm.MacAddresses)
        {
            if (CloudIds.Mac(mac) is { } normal)
            {
                AddUnique(_byMac, normal, record);
            }
        }

        var host = CloudIds.HostName(vm.ComputerName) ?? CloudIds.HostName(vm.Name);
        if (host is not null)
        {
            foreach (var ip in vm.PrivateIps.Concat(vm.PublicIps))
            {
                AddUnique(_byNameIp, (host, ip), record);
            }
        }
    }

    /// <summary>Records that a complete listing of the subscription exists, so a claim on it that finds no VM is stale.</summary>
    public void AddListedSubscription(string subscriptionId) => _listedSubscriptions.Add(subscriptionId.ToLowerInvariant());

    public bool WasListed(string subscriptionId) => _listedSubscriptions.Contains(subscriptionId);

    public CloudRecord? ByVmId(string vmId) => Claim(_byVmId.GetValueOrDefault(vmId));

    public CloudRecord? ByResourceId(string resourceId) => Claim(_byResourceId.GetValueOrDefault(resourceId));

    public CloudRecord? ByMac(string mac) => Claim(_byMac.GetValueOrDefault(mac));

    public CloudRecord? ByNameIp(string host, string ip) => Claim(_byNameIp.GetValueOrDefault((host, ip)));

    /// <summary>The VMs no CMDB record claimed, in the order they were added.</summary>
    public IEnumerable<CloudRecord> Unclaimed() => _all.Where(r => !_claimed.Contains(r.Vm.ResourceId));

    private CloudRecord? Claim(CloudRecord? record)
    {
        if (record is not null)
        {
            _claimed.Add(record.Vm.ResourceId);
        }

        return record;
    }

    private static void AddUnique<TKey>(Dictionary<TKey, CloudRecord?> index, TKey key, CloudRecord record)
        where TKey : notnull
    {
        if (index.TryGetValue(key, out var existing))
        {
            if (existing is not null && !ReferenceEquals(existing, record))
            {
                index[key] = null;
            }

            return;
        }

        index[key] = record;
    }
}
