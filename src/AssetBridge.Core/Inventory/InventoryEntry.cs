using AssetBridge.Core.Inventory.Correlation;

namespace AssetBridge.Core.Inventory;

/// <summary>
/// One entry of the inventory as users see it: a CMDB device (its adapters, its applications and its
/// criticality) joined with the cloud VM it is, or an Azure VM no CMDB record claims
/// (<see cref="InventoryStatus.Unmanaged"/>: then <see cref="Device"/> is built from the VM and has an
/// empty sys_id).
/// </summary>
public sealed record InventoryEntry(
    string Connector,
    Device Device,
    IReadOnlyList<NetworkAdapter> NetworkAdapters,
    IReadOnlyList<BusinessApplication> BusinessApplications,
    CriticalityAssessment Criticality,
    DateTimeOffset? DeletedAt)
{
    public InventoryStatus Status { get; init; } = InventoryStatus.CmdbOnly;

    /// <summary>The cloud VM this entry is, when one is known.</summary>
    public CloudRecord? Cloud { get; init; }

    /// <summary>How the CMDB record and the cloud VM were joined; null unless <see cref="InventoryStatus.Managed"/>.</summary>
    public CloudMatch? Match { get; init; }

    public Exposure Exposure { get; init; } = Exposure.None;

    /// <summary>True for a cloud VM with no CMDB record: it has no sys_id.</summary>
    public bool HasCmdbRecord => Status != InventoryStatus.Unmanaged;
}
