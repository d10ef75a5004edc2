namespace AssetBridge.Core.Inventory;

/// <summary>One device of the inventory as users see it: the device, its adapters, its applications, and its criticality.</summary>
public sealed record InventoryEntry(
    string Connector,
    Device Device,
    IReadOnlyList<NetworkAdapter> NetworkAdapters,
    IReadOnlyList<BusinessApplication> BusinessApplications,
    CriticalityAssessment Criticality,
    DateTimeOffset? DeletedAt);
