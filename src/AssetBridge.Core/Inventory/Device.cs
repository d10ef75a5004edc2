namespace AssetBridge.Core.Inventory;

/// <summary>A device (computer CI) as read from the CMDB, after field mapping. Values are the source's strings.</summary>
public sealed record Device
{
    public required string SysId { get; init; }
    public string? Name { get; init; }
    public string? Os { get; init; }
    public string? OsVersion { get; init; }
    public string? OsServicePack { get; init; }
    public string? CpuType { get; init; }
    public string? Category { get; init; }
    public string? AssetTag { get; init; }
    public bool? Virtual { get; init; }
    public string? ServiceNowCriticality { get; init; }
    public string? UsedFor { get; init; }
    public string? LastLoggedOnUser { get; init; }
    public string? MostFrequentUser { get; init; }
    public string? SysClassName { get; init; }
    /// <summary>The sys_id of the device's primary business application, when the CMDB names one.</summary>
    public string? UPrimaryBusinessApplication { get; init; }
    /// <summary>sys_updated_on, "yyyy-MM-dd HH:mm:ss" UTC; part of the incremental watermark.</summary>
    public string? SysUpdatedOn { get; init; }
}
