using AssetBridge.Core.Errors;
using AssetBridge.Core.Ingestion;
using AssetBridge.Core.Inventory;

namespace AssetBridge.Connectors.ServiceNow.Mapping;

/// <summary>Turns one page of rows into the batch of Core records of a kind. Values are kept as the source sent them.</summary>
internal static class RecordMapper
{
    public static InventoryBatch ToBatch(EntityKind kind, ColumnSet columns, IReadOnlyList<string?[]> rows, string table) => kind switch
    {
        EntityKind.Device => new DeviceBatch(rows.Select(r => ToDevice(new RowReader(columns, r), table)).ToList()),
        EntityKind.NetworkAdapter => new NetworkAdapterBatch(rows.Select(r => ToAdapter(new RowReader(columns, r), table)).ToList()),
        EntityKind.BusinessApplication => new BusinessApplicationBatch(rows.Select(r => ToApplication(new RowReader(columns, r), table)).ToList()),
        EntityKind.Relationship => new RelationshipBatch(rows.Select(r => ToRelationship(new RowReader(columns, r), table)).ToList()),
        EntityKind.VmInstance => new VmInstanceBatch(rows.Select(r => ToVmInstance(new RowReader(columns, r), table)).ToList()),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a ServiceNow record kind."),
    };

    public static Device ToDevice(RowReader row, string table) => new()
    {
        SysId = SysId(row, table),
        Name = row.Text("name"),
        Os = row.Text("os"),
        OsVersion = row.Text("osVersion"),
        OsServicePack = row.Text("osServicePack"),
        CpuType = row.Text("cpuType"),
        Category = row.Text("category"),
        AssetTag = row.Text("assetTag"),
        Virtual = row.Flag("virtual"),
        ServiceNowCriticality = row.Text("serviceNowCriticality"),
        UsedFor = row.Text("usedFor"),
        LastLoggedOnUser = row.Text("lastLoggedOnUser"),
        MostFrequentUser = row.Text("mostFrequentUser"),
        SysClassName = row.Text("sysClassName"),
        UPrimaryBusinessApplication = row.Text("uPrimaryBusinessApplication"),
        SysUpdatedOn = row.Text(EntityFields.SysUpdatedOn),
    };

    public static NetworkAdapter ToAdapter(RowReader row, string table) => new()
    {
        SysId = SysId(row, table),
        DeviceSysId = row.Text("deviceSysId"),
        Name = row.Text("name"),
        MacAddress = row.Text("macAddress"),
        IpAddress = row.Text("ipAddress"),
        IpDefaultGateway = row.Text("ipDefaultGateway"),
        SysUpdatedOn = row.Text(EntityFields.SysUpdatedOn),
    };

    public static BusinessApplication ToApplication(RowReader row, string table) => new()
    {
        SysId = SysId(row, table),
        Number = row.Text("number"),
        Name = row.Text("name"),
        UCriticality = row.Text("uCriticality"),
        BusinessCriticality = row.Text("businessCriticality"),
        SysUpdatedOn = row.Text(EntityFields.SysUpdatedOn),
    };

    public static CiRelationship ToRelationship(RowReader row, string table) => new()
    {
        SysId = SysId(row, table),
        Parent = row.Text("parent"),
        Child = row.Text("child"),
        Type = row.Text("type"),
        SysUpdatedOn = row.Text(EntityFields.SysUpdatedOn),
    };

    /// <summary>The object id and VM id are kept as the CMDB wrote them; the join normalises them (see <see cref="CloudIds"/>).</summary>
    public static VmInstance ToVmInstance(RowReader row, string table) => new()
    {
        SysId = SysId(row, table),
        Name = row.Text("name"),
        ObjectId = row.Text("objectId"),
        VmInstId = row.Text("vmInstId"),
        State = row.Text("state"),
        SysUpdatedOn = row.Text(EntityFields.SysUpdatedOn),
    };

    // The keyset reader already refuses rows without a sys_id; this guards direct callers.
    private static string SysId(RowReader row, string table) =>
        row.Text(EntityFields.SysId) ?? throw new AssetBridgeException(
            ErrorKind.BadResponse,
            $"ServiceNow returned a row of {table} without a sys_id; check that the account may read the sys_id column.");
}
