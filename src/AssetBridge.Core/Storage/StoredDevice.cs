using AssetBridge.Core.Inventory;

namespace AssetBridge.Core.Storage;

/// <summary>
/// A device as read back from the store, with its adapters and the sys_ids of the business
/// applications linked to it (by the primary-application reference or a cmdb_rel_ci row either way).
/// </summary>
public sealed record StoredDevice(
    long ConnectorId,
    string ConnectorName,
    string SourceTable,
    Device Device,
    DateTimeOffset? DeletedAt,
    IReadOnlyList<NetworkAdapter> Adapters,
    IReadOnlyList<string> ApplicationSysIds)
{
    /// <summary>The live VM instance CIs linked to this device by a cmdb_rel_ci row, either way.</summary>
    public IReadOnlyList<VmInstance> VmInstances { get; init; } = [];
}

/// <summary>Which devices to read.</summary>
public sealed record DeviceQuery(long? ConnectorId = null, bool IncludeDeleted = false);

/// <summary>Live (not deleted) record counts.</summary>
public sealed record InventoryCounts(long Devices, long NetworkAdapters, long BusinessApplications, long Relationships, long DeletedDevices)
{
    public long VmInstances { get; init; }

    public long CloudVms { get; init; }
}

/// <summary>A cloud VM as read back from the store, with the connector that found it.</summary>
public sealed record StoredCloudVm(long ConnectorId, string ConnectorName, CloudVm Vm, DateTimeOffset? DeletedAt);

/// <summary>A VM instance CI that no device links to, with its connector.</summary>
public sealed record StoredVmInstance(long ConnectorId, string ConnectorName, VmInstance Instance, DateTimeOffset? DeletedAt);
