using AssetBridge.Core.Inventory;

namespace AssetBridge.Cli.Output;

/// <summary>The JSON shape of one inventory device, as documented in the README.</summary>
internal sealed record DeviceView(
    string Connector,
    string SysId,
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
    DateTimeOffset? DeletedAt)
{
    public static DeviceView From(InventoryEntry entry)
    {
        var d = entry.Device;
        return new DeviceView(
            entry.Connector,
            d.SysId,
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
            entry.DeletedAt);
    }
}

internal sealed record AdapterView(string SysId, string? Name, string? MacAddress, string? IpAddress, string? IpDefaultGateway);

internal sealed record ApplicationView(string SysId, string? Number, string? Name, string? UCriticality, string? BusinessCriticality);
