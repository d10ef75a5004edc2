namespace AssetBridge.Core.Inventory.Correlation;

/// <summary>What the join decided for one CMDB record.</summary>
public sealed record CloudJoin(InventoryStatus Status, CloudRecord? Cloud, CloudMatch? Match, Exposure Exposure);

/// <summary>
/// Joins one CMDB record to the cloud: by VM id, then resource id (from its VM instance CIs), then
/// MAC address, then host name + IP (from its adapters); the first rule that finds a VM wins and is
/// recorded. Several CMDB records may claim one VM (CMDB duplicates); each is shown managed.
/// </summary>
public static class CloudCorrelator
{
    public static CloudJoin Correlate(CloudIndex index, Device device, IReadOnlyList<NetworkAdapter> adapters, IReadOnlyList<VmInstance> instances)
    {
        // Without any cloud read, only the CMDB's own addresses can say whether a device is exposed.
        var (cloud, match) = index.IsEmpty ? (null, null) : Find(index, device, adapters, instances);
        if (cloud is not null)
        {
            return new CloudJoin(InventoryStatus.Managed, cloud, match, ExposureOf(cloud.Vm.PublicIps, adapters));
        }

        var status = ClaimsMissingVm(index, instances) ? InventoryStatus.Stale : InventoryStatus.CmdbOnly;
        return new CloudJoin(status, null, null, ExposureOf([], adapters));
    }

    /// <summary>The entry of a VM that no CMDB record claimed.</summary>
    public static CloudJoin Unmanaged(CloudRecord cloud) =>
        new(InventoryStatus.Unmanaged, cloud, null, ExposureOf(cloud.Vm.PublicIps, []));

    private static (CloudRecord?, CloudMatch?) Find(CloudIndex index, Device device, IReadOnlyList<NetworkAdapter> adapters, IReadOnlyList<VmInstance> instances)
    {
        foreach (var instance in instances)
        {
            if (CloudIds.VmId(instance.VmInstId) is { } vmId && index.ByVmId(vmId) is { } byVmId)
            {
                return (byVmId, new CloudMatch(MatchRule.VmId, vmId));
            }
        }

        foreach (var instance in instances)
        {
            if (CloudIds.ResourceId(instance.ObjectId) is { } id && index.ByResourceId(id) is { } byId)
            {
                return (byId, new CloudMatch(MatchRule.ResourceId, id));
            }
        }

        foreach (var adapter in adapters)
        {
            if (CloudIds.Mac(adapter.MacAddress) is { } mac && index.ByMac(mac) is { } byMac)
            {
                return (byMac, new CloudMatch(MatchRule.Mac, mac));
            }
        }

        if (CloudIds.HostName(device.Name) is { } host)
        {
            foreach (var adapter in adapters)
            {
                if (adapter.IpAddress?.Trim() is { Length: > 0 } ip && index.ByNameIp(host, ip) is { } byName)
                {
                    return (byName, new CloudMatch(MatchRule.NameIp, $"{host} {ip}"));
                }
            }
        }

        return (null, null);
    }

    /// <summary>
    /// Stale only when the claim names a subscription whose last listing completed: a subscription
    /// whose job failed, or that was never listed, proves nothing about its VMs.
    /// </summary>
    private static bool ClaimsMissingVm(CloudIndex index, IReadOnlyList<VmInstance> instances) =>
        instances.Any(i => CloudIds.SubscriptionOf(i.ObjectId) is { } subscription
            && index.WasListed(subscription)
            && !string.Equals(i.State, "Terminated", StringComparison.OrdinalIgnoreCase));

    private static Exposure ExposureOf(IReadOnlyList<string> cloudPublicIps, IReadOnlyList<NetworkAdapter> adapters)
    {
        List<string>? ips = cloudPublicIps.Count == 0 ? null : [.. cloudPublicIps];
        foreach (var adapter in adapters)
        {
            // Most CMDB addresses are private; only the rare public one costs a list.
            if (adapter.IpAddress?.Trim() is { Length: > 0 } ip && PublicAddress.IsPublic(ip) && !(ips?.Contains(ip) ?? false))
            {
                (ips ??= []).Add(ip);
            }
        }

        return ips is null ? Exposure.None : new Exposure(true, ips);
    }
}
