using AssetBridge.Core.Inventory;

namespace AssetBridge.Storage.Relational.Inventory;

/// <summary>How entity kinds are spelled in the jobs table.</summary>
internal static class EntityKindNames
{
    public static string Of(EntityKind kind) => kind switch
    {
        EntityKind.Device => "device",
        EntityKind.NetworkAdapter => "network_adapter",
        EntityKind.BusinessApplication => "business_application",
        EntityKind.Relationship => "relationship",
        EntityKind.VmInstance => "vm_instance",
        EntityKind.CloudVm => "cloud_vm",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown entity kind."),
    };

    public static EntityKind Parse(string text) => text switch
    {
        "device" => EntityKind.Device,
        "network_adapter" => EntityKind.NetworkAdapter,
        "business_application" => EntityKind.BusinessApplication,
        "relationship" => EntityKind.Relationship,
        "vm_instance" => EntityKind.VmInstance,
        "cloud_vm" => EntityKind.CloudVm,
        _ => throw new InvalidDataException($"Unknown entity kind '{text}' in the jobs table."),
    };
}
