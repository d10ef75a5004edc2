using System.Text.Json.Serialization;
using AssetBridge.Core.Inventory;

namespace AssetBridge.Core.Ingestion;

/// <summary>One page of records of one kind, as an operation produced it.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(DeviceBatch), "device")]
[JsonDerivedType(typeof(NetworkAdapterBatch), "networkAdapter")]
[JsonDerivedType(typeof(BusinessApplicationBatch), "businessApplication")]
[JsonDerivedType(typeof(RelationshipBatch), "relationship")]
[JsonDerivedType(typeof(VmInstanceBatch), "vmInstance")]
[JsonDerivedType(typeof(CloudVmBatch), "cloudVm")]
public abstract record InventoryBatch
{
    [JsonIgnore]
    public abstract EntityKind Kind { get; }

    [JsonIgnore]
    public abstract int Count { get; }
}

public sealed record DeviceBatch(IReadOnlyList<Device> Items) : InventoryBatch
{
    public override EntityKind Kind => EntityKind.Device;
    public override int Count => Items.Count;
}

public sealed record NetworkAdapterBatch(IReadOnlyList<NetworkAdapter> Items) : InventoryBatch
{
    public override EntityKind Kind => EntityKind.NetworkAdapter;
    public override int Count => Items.Count;
}

public sealed record BusinessApplicationBatch(IReadOnlyList<BusinessApplication> Items) : InventoryBatch
{
    public override EntityKind Kind => EntityKind.BusinessApplication;
    public override int Count => Items.Count;
}

public sealed record RelationshipBatch(IReadOnlyList<CiRelationship> Items) : InventoryBatch
{
    public override EntityKind Kind => EntityKind.Relationship;
    public override int Count => Items.Count;
}

public sealed record VmInstanceBatch(IReadOnlyList<VmInstance> Items) : InventoryBatch
{
    public override EntityKind Kind => EntityKind.VmInstance;
    public override int Count => Items.Count;
}

public sealed record CloudVmBatch(IReadOnlyList<CloudVm> Items) : InventoryBatch
{
    public override EntityKind Kind => EntityKind.CloudVm;
    public override int Count => Items.Count;
}
