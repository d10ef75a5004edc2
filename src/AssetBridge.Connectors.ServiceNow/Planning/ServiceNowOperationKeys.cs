using AssetBridge.Core.Inventory;
using AssetBridge.Core.Jobs;

namespace AssetBridge.Connectors.ServiceNow.Planning;

/// <summary>The operation-map keys of the CMDB operations, <c>servicenow-cmdb-1.0-List…</c>, one per table.</summary>
internal static class ServiceNowOperationKeys
{
    public static readonly OperationKey ListDevices = Key("ListDevices");
    public static readonly OperationKey ListNetworkAdapters = Key("ListNetworkAdapters");
    public static readonly OperationKey ListBusinessApplications = Key("ListBusinessApplications");
    public static readonly OperationKey ListRelationships = Key("ListRelationships");
    public static readonly OperationKey ListVmInstances = Key("ListVmInstances");

    public static OperationKey For(EntityKind kind) => kind switch
    {
        EntityKind.Device => ListDevices,
        EntityKind.NetworkAdapter => ListNetworkAdapters,
        EntityKind.BusinessApplication => ListBusinessApplications,
        EntityKind.Relationship => ListRelationships,
        EntityKind.VmInstance => ListVmInstances,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a ServiceNow record kind."),
    };

    private static OperationKey Key(string operation) => new("servicenow", "cmdb", "1.0", operation);
}
