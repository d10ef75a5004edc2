using AssetBridge.Core.Inventory;

namespace AssetBridge.Connectors.Azure.Resources;

/// <summary>
/// Builds <see cref="CloudVm"/> records from one page of VMs, the subscription's network index and
/// the power states read for it. Identifiers are normalised here, once (<see cref="CloudIds"/>). Items
/// without an id, and repeats of an id within the page, are left out: the id is the record's key.
/// </summary>
internal static class CloudVmMapper
{
    public static List<CloudVm> ToRecords(
        IEnumerable<VirtualMachineItem?> page, string subscriptionId, NetworkIndex network, IReadOnlyDictionary<string, string>? powerStates)
    {
        var records = new Dictionary<string, CloudVm>(StringComparer.Ordinal);
        foreach (var item in page)
        {
            if (ToRecord(item, subscriptionId, network, powerStates) is { } vm)
            {
                records.Remove(vm.ResourceId);
                records[vm.ResourceId] = vm;
            }
        }

        return [.. records.Values];
    }

    public static CloudVm? ToRecord(VirtualMachineItem? item, string subscriptionId, NetworkIndex network, IReadOnlyDictionary<string, string>? powerStates)
    {
        var id = CloudIds.ResourceId(item?.Id);
        if (id is null)
        {
            return null;
        }

        var properties = item!.Properties;
        var nicIds = (properties?.NetworkProfile?.NetworkInterfaces ?? [])
            .Where(n => n is not null)
            .OrderByDescending(n => n!.Properties?.Primary == true)
            .Select(n => CloudIds.ResourceId(n!.Id))
            .OfType<string>();
        var (macs, privateIps, publicIps) = network.AddressesOf(id, nicIds);
        return new CloudVm
        {
            ResourceId = id,
            SubscriptionId = subscriptionId,
            VmId = CloudIds.VmId(properties?.VmId),
            Name = Text(item.Name) ?? LastSegment(item.Id!),
            ComputerName = Text(properties?.OsProfile?.ComputerName),
            ResourceGroup = Segment(item.Id!, "resourceGroups"),
            Location = Text(item.Location),
            Size = Text(properties?.HardwareProfile?.VmSize),
            OsType = Text(properties?.StorageProfile?.OsDisk?.OsType),
            Image = Image(properties?.StorageProfile?.ImageReference),
            PowerState = powerStates is not null && powerStates.TryGetValue(id, out var state) ? state : null,
            MacAddresses = macs,
            PrivateIps = privateIps,
            PublicIps = publicIps,
            Tags = (item.Tags ?? []).Where(t => t.Value is not null).ToDictionary(t => t.Key, t => t.Value!, StringComparer.Ordinal),
        };
    }

    /// <summary>A marketplace image as <c>publisher:offer:sku:version</c>; else the gallery or image resource id.</summary>
    internal static string? Image(ImageReference? image)
    {
        if (image is null)
        {
            return null;
        }

        if (Text(image.Publisher) is { } publisher && Text(image.Offer) is { } offer && Text(image.Sku) is { } sku)
        {
            return $"{publisher}:{offer}:{sku}:{Text(image.Version) ?? Text(image.ExactVersion) ?? "latest"}";
        }

        return CloudIds.ResourceId(image.SharedGalleryImageId ?? image.CommunityGalleryImageId ?? image.Id);
    }

    /// <summary>The power state from a statusOnly item: the code after <c>PowerState/</c>, e.g. <c>running</c>.</summary>
    internal static string? PowerState(VirtualMachineItem? item)
    {
        const string prefix = "PowerState/";
        var code = item?.Properties?.InstanceView?.Statuses?
            .Select(s => s?.Code)
            .FirstOrDefault(c => c is not null && c.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
        return code is null || code.Length == prefix.Length ? null : code[prefix.Length..].ToLowerInvariant();
    }

    /// <summary>The value after a named segment of a resource id, in the id's own case, e.g. the resource group.</summary>
    internal static string? Segment(string id, string name)
    {
        var parts = id.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (string.Equals(parts[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return parts[i + 1];
            }
        }

        return null;
    }

    private static string? LastSegment(string id) => Text(id.TrimEnd('/').Split('/')[^1]);

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
