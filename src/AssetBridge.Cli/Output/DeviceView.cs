using AssetBridge.Core.Inventory;
using AssetBridge.Core.Inventory.Correlation;

namespace AssetBridge.Cli.Output;

/// <summary>The JSON shape of one inventory device, as documented in the README.</summary>
internal sealed record DeviceView(
    string Connector,
    string? SysId,
    string? Name,
    string? Os,
    string? OsVersion,
    string? OsServicePack,
    string? CpuType,
    string? Category,
    string? AssetTag,
    bool? Virtual,
    string? ServiceNowCriticality,
    string? UsedFor,
    string? LastLoggedOnUser,
    string? MostFrequentUser,
    string? SysClassName,
    string? UPrimaryBusinessApplication,
    string? SysUpdatedOn,
    IReadOnlyList<AdapterView> NetworkAdapters,
    IReadOnlyList<ApplicationView> BusinessApplications,
    int? CriticalityLevel,
    string? CriticalityReason,
    DateTimeOffset? DeletedAt,
    string Status,
    CloudView? Cloud,
    MatchView? Match,
    ExposureView Exposure)
{
    public static DeviceView From(InventoryEntry entry)
    {
        var d = entry.Device;
        return new DeviceView(
            entry.Connector,
            entry.HasCmdbRecord ? d.SysId : null,
            d.Name,
            d.Os,
            d.OsVersion,
            d.OsServicePack,
            d.CpuType,
            d.Category,
            d.AssetTag,
            d.Virtual,
            d.ServiceNowCriticality,
            d.UsedFor,
            d.LastLoggedOnUser,
            d.MostFrequentUser,
            d.SysClassName,
            d.UPrimaryBusinessApplication,
            d.SysUpdatedOn,
            entry.NetworkAdapters.Select(a => new AdapterView(a.SysId, a.Name, a.MacAddress, a.IpAddress, a.IpDefaultGateway)).ToList(),
            entry.BusinessApplications.Select(a => new ApplicationView(a.SysId, a.Number, a.Name, a.UCriticality, a.BusinessCriticality)).ToList(),
            entry.Criticality.Level,
            entry.Criticality.Reason,
            entry.DeletedAt,
            StatusName(entry.Status),
            entry.Cloud is { } cloud ? CloudView.From(cloud) : null,
            entry.Match is { } match ? new MatchView(RuleName(match.Rule), match.Value) : null,
            new ExposureView(entry.Exposure.InternetFacing, entry.Exposure.PublicIps));
    }

    /// <summary>The status as documented: managed, cmdb-only, unmanaged, stale.</summary>
    public static string StatusName(InventoryStatus status) => status switch
    {
        InventoryStatus.Managed => "managed",
        InventoryStatus.Unmanaged => "unmanaged",
        InventoryStatus.Stale => "stale",
        _ => "cmdb-only",
    };

    /// <summary>The match rule as documented: vmId, resourceId, mac, nameIp.</summary>
    public static string RuleName(MatchRule rule) => rule switch
    {
        MatchRule.VmId => "vmId",
        MatchRule.ResourceId => "resourceId",
        MatchRule.Mac => "mac",
        _ => "nameIp",
    };
}

/// <summary>The Azure side of an entry.</summary>
internal sealed record CloudView(
    string Connector,
    string ResourceId,
    string? VmId,
    string SubscriptionId,
    string? ResourceGroup,
    string? Name,
    string? ComputerName,
    string? Location,
    string? Size,
    string? OsType,
    string? Image,
    string? PowerState,
    IReadOnlyList<string> MacAddresses,
    IReadOnlyList<string> PrivateIps,
    IReadOnlyList<string> PublicIps,
    IReadOnlyDictionary<string, string> Tags)
{
    public static CloudView From(CloudRecord record)
    {
        var vm = record.Vm;
        return new CloudView(
            record.Connector,
            vm.ResourceId,
            vm.VmId,
            vm.SubscriptionId,
            vm.ResourceGroup,
            vm.Name,
            vm.ComputerName,
            vm.Location,
            vm.Size,
            vm.OsType,
            vm.Image,
            vm.PowerState,
            vm.MacAddresses,
            vm.PrivateIps,
            vm.PublicIps,
            new SortedDictionary<string, string>(vm.Tags.ToDictionary(), StringComparer.Ordinal));
    }
}

/// <summary>How the CMDB record and the VM were joined: the rule and the shared value.</summary>
internal sealed record MatchView(string Rule, string Value);

/// <summary>Whether the entry is reachable from the internet, and by which public addresses.</summary>
internal sealed record ExposureView(bool InternetFacing, IReadOnlyList<string> PublicIps);

internal sealed record AdapterView(string SysId, string? Name, string? MacAddress, string? IpAddress, string? IpDefaultGateway);

internal sealed record ApplicationView(string SysId, string? Number, string? Name, string? UCriticality, string? BusinessCriticality);
