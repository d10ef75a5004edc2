namespace AssetBridge.Core.Inventory;

/// <summary>A network adapter CI, joined to its device by the adapter's <c>cmdb_ci</c> reference.</summary>
public sealed record NetworkAdapter
{
    public required string SysId { get; init; }
    /// <summary>The sys_id of the device this adapter belongs to (the <c>cmdb_ci</c> reference).</summary>
    public string? DeviceSysId { get; init; }
    public string? Name { get; init; }
    public string? MacAddress { get; init; }
    public string? IpAddress { get; init; }
    public string? IpDefaultGateway { get; init; }
    public string? SysUpdatedOn { get; init; }
}
