using AssetBridge.Core.Inventory;

namespace AssetBridge.Storage.Relational.Inventory;

/// <summary>The inventory tables and their columns: one column per field of the Core record.</summary>
internal static class InventoryTables
{
    public static readonly InventoryTable<Device> Devices = new(
        "devices",
        EntityKind.Device,
        "sys_id",
        d => d.SysId,
        [
            new("name", d => d.Name),
            new("os", d => d.Os),
            new("os_version", d => d.OsVersion),
            new("os_service_pack", d => d.OsServicePack),
            new("cpu_type", d => d.CpuType),
            new("category", d => d.Category),
            new("asset_tag", d => d.AssetTag),
            new("is_virtual", d => d.Virtual),
            new("servicenow_criticality", d => d.ServiceNowCriticality),
            new("used_for", d => d.UsedFor),
            new("last_logged_on_user", d => d.LastLoggedOnUser),
            new("most_frequent_user", d => d.MostFrequentUser),
            new("sys_class_name", d => d.SysClassName),
            new("u_primary_business_application", d => d.UPrimaryBusinessApplication),
            new("sys_updated_on", d => d.SysUpdatedOn),
        ],
        (r, i) => new Device
        {
            SysId = r.GetString(i),
            Name = r.Text(i + 1),
            Os = r.Text(i + 2),
            OsVersion = r.Text(i + 3),
            OsServicePack = r.Text(i + 4),
            CpuType = r.Text(i + 5),
            Category = r.Text(i + 6),
            AssetTag = r.Text(i + 7),
            Virtual = r.Flag(i + 8),
            ServiceNowCriticality = r.Text(i + 9),
            UsedFor = r.Text(i + 10),
            LastLoggedOnUser = r.Text(i + 11),
            MostFrequentUser = r.Text(i + 12),
            SysClassName = r.Text(i + 13),
            UPrimaryBusinessApplication = r.Text(i + 14),
            SysUpdatedOn = r.Text(i + 15),
        });

    public static readonly InventoryTable<NetworkAdapter> NetworkAdapters = new(
        "network_adapters",
        EntityKind.NetworkAdapter,
        "sys_id",
        a => a.SysId,
        [
            new("device_sys_id", a => a.DeviceSysId),
            new("name", a => a.Name),
            new("mac_address", a => a.MacAddress),
            new("ip_address", a => a.IpAddress),
            new("ip_default_gateway", a => a.IpDefaultGateway),
            new("sys_updated_on", a => a.SysUpdatedOn),
        ],
        (r, i) => new NetworkAdapter
        {
            SysId = r.GetString(i),
            DeviceSysId = r.Text(i + 1),
            Name = r.Text(i + 2),
            MacAddress = r.Text(i + 3),
            IpAddress = r.Text(i + 4),
            IpDefaultGateway = r.Text(i + 5),
            SysUpdatedOn = r.Text(i + 6),
        });

    public static readonly InventoryTable<BusinessApplication> BusinessApplications = new(
        "business_applications",
        EntityKind.BusinessApplication,
        "sys_id",
        a => a.SysId,
        [
            new("number", a => a.Number),
            new("name", a => a.Name),
            new("u_criticality", a => a.UCriticality),
            new("business_criticality", a => a.BusinessCriticality),
            new("sys_updated_on", a => a.SysUpdatedOn),
        ],
        (r, i) => new BusinessApplication
        {
            SysId = r.GetString(i),
            Number = r.Text(i + 1),
            Name = r.Text(i + 2),
            UCriticality = r.Text(i + 3),
            BusinessCriticality = r.Text(i + 4),
            SysUpdatedOn = r.Text(i + 5),
        });

    public static readonly InventoryTable<CiRelationship> Relationships = new(
        "relationships",
        EntityKind.Relationship,
        "sys_id",
        r => r.SysId,
        [
            new("parent", r => r.Parent),
            new("child", r => r.Child),
            new("type", r => r.Type),
            new("sys_updated_on", r => r.SysUpdatedOn),
        ],
        (r, i) => new CiRelationship
        {
            SysId = r.GetString(i),
            Parent = r.Text(i + 1),
            Child = r.Text(i + 2),
            Type = r.Text(i + 3),
            SysUpdatedOn = r.Text(i + 4),
        });

    public static readonly InventoryTable<VmInstance> VmInstances = new(
        "vm_instances",
        EntityKind.VmInstance,
        "sys_id",
        v => v.SysId,
        [
            new("name", v => v.Name),
            new("object_id", v => v.ObjectId),
            new("vm_inst_id", v => v.VmInstId),
            new("state", v => v.State),
            new("sys_updated_on", v => v.SysUpdatedOn),
        ],
        (r, i) => new VmInstance
        {
            SysId = r.GetString(i),
            Name = r.Text(i + 1),
            ObjectId = r.Text(i + 2),
            VmInstId = r.Text(i + 3),
            State = r.Text(i + 4),
            SysUpdatedOn = r.Text(i + 5),
        });

    /// <summary>Cloud VMs, keyed by their resource id (lower-case, as <see cref="CloudIds"/> normalised it); lists and tags as JSON text.</summary>
    public static readonly InventoryTable<CloudVm> CloudVms = new(
        "cloud_vms",
        EntityKind.CloudVm,
        "resource_id",
        v => v.ResourceId,
        [
            new("subscription_id", v => v.SubscriptionId),
            new("vm_id", v => v.VmId),
            new("name", v => v.Name),
            new("computer_name", v => v.ComputerName),
            new("resource_group", v => v.ResourceGroup),
            new("location", v => v.Location),
            new("size", v => v.Size),
            new("os_type", v => v.OsType),
            new("image", v => v.Image),
            new("power_state", v => v.PowerState),
            new("mac_addresses", v => JsonColumns.WriteList(v.MacAddresses)),
            new("private_ips", v => JsonColumns.WriteList(v.PrivateIps)),
            new("public_ips", v => JsonColumns.WriteList(v.PublicIps)),
            new("tags", v => JsonColumns.WriteTags(v.Tags)),
        ],
        (r, i) => new CloudVm
        {
            ResourceId = r.GetString(i),
            SubscriptionId = r.Text(i + 1) ?? string.Empty,
            VmId = r.Text(i + 2),
            Name = r.Text(i + 3),
            ComputerName = r.Text(i + 4),
            ResourceGroup = r.Text(i + 5),
            Location = r.Text(i + 6),
            Size = r.Text(i + 7),
            OsType = r.Text(i + 8),
            Image = r.Text(i + 9),
            PowerState = r.Text(i + 10),
            MacAddresses = JsonColumns.ReadList(r.Text(i + 11)),
            PrivateIps = JsonColumns.ReadList(r.Text(i + 12)),
            PublicIps = JsonColumns.ReadList(r.Text(i + 13)),
            Tags = JsonColumns.ReadTags(r.Text(i + 14)),
        });

    /// <summary>The table holding a kind; the only source of table and key column names in dynamic SQL.</summary>
    public static IInventoryTable Of(EntityKind kind) => kind switch
    {
        EntityKind.Device => Devices,
        EntityKind.NetworkAdapter => NetworkAdapters,
        EntityKind.BusinessApplication => BusinessApplications,
        EntityKind.Relationship => Relationships,
        EntityKind.VmInstance => VmInstances,
        EntityKind.CloudVm => CloudVms,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown entity kind."),
    };
}
