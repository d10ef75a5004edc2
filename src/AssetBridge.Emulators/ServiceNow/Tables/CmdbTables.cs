namespace AssetBridge.Emulators.ServiceNow.Tables;

/// <summary>
/// The tables the emulator serves and their columns (reference doc section 6; field names as the
/// Exposure Management connector reads them). The column order is the default output order.
/// </summary>
internal static class CmdbTables
{
    public const string Computer = "cmdb_ci_computer";
    public const string NetworkAdapter = "cmdb_ci_network_adapter";
    public const string BusinessApp = "cmdb_ci_business_app";
    public const string Relationship = "cmdb_rel_ci";
    public const string RelationshipType = "cmdb_rel_type";
    public const string User = "sys_user";
    public const string VmInstance = "cmdb_ci_vm_instance";

    /// <summary>"Depends on::Used by", the sys_id it has on every instance.</summary>
    public const string DependsOnUsedBy = "1a9cb166f1571100a92eb60da2bce5c5";

    /// <summary>"Virtualized by::Virtualizes" (the emulator's own sys_id for it): parent the guest computer, child its vm instance.</summary>
    public const string VirtualizedByVirtualizes = "d93304fb0a0a0b78006081a72ef08444";

    public static TableSchema ComputerSchema() => new(Computer, "name",
    [
        ("name", ColumnKind.Text, null),
        ("sys_class_name", ColumnKind.ClassName, null),
        ("os", ColumnKind.Text, null),
        ("os_version", ColumnKind.Text, null),
        ("os_service_pack", ColumnKind.Text, null),
        ("cpu_type", ColumnKind.Text, null),
        ("category", ColumnKind.Text, null),
        ("manufacturer", ColumnKind.Text, null),
        ("asset_tag", ColumnKind.Text, null),
        ("serial_number", ColumnKind.Text, null),
        ("virtual", ColumnKind.Text, null),
        ("business_criticality", ColumnKind.Text, null),
        ("used_for", ColumnKind.Text, null),
        ("u_last_logged_on_user", ColumnKind.Text, null),
        ("u_most_frequent_user", ColumnKind.Text, null),
        ("u_primary_business_application", ColumnKind.Reference, BusinessApp),
        ("host_name", ColumnKind.Text, null),
        ("dns_domain", ColumnKind.Text, null),
        ("install_status", ColumnKind.Text, null),
        ("operational_status", ColumnKind.Text, null),
        ("sys_created_by", ColumnKind.Text, null),
        ("sys_updated_by", ColumnKind.Text, null),
        ("sys_created_on", ColumnKind.DateTime, null),
        ("sys_updated_on", ColumnKind.DateTime, null),
    ]);

    public static TableSchema NetworkAdapterSchema() => new(NetworkAdapter, "name",
    [
        ("name", ColumnKind.Text, null),
        ("sys_class_name", ColumnKind.ClassName, null),
        ("cmdb_ci", ColumnKind.Reference, RecordStore.ConfigurationItemTable),
        ("mac_address", ColumnKind.Text, null),
        ("ip_address", ColumnKind.Text, null),
        ("netmask", ColumnKind.Text, null),
        ("ip_default_gateway", ColumnKind.Text, null),
        ("dhcp_enabled", ColumnKind.Text, null),
        ("install_status", ColumnKind.Text, null),
        ("sys_created_on", ColumnKind.DateTime, null),
        ("sys_updated_on", ColumnKind.DateTime, null),
    ]);

    /// <summary>cmdb_ci_vm_instance: what the CMDB knows of a cloud VM (for Azure, object_id is the resource id and vm_inst_id the VM id).</summary>
    public static TableSchema VmInstanceSchema() => new(VmInstance, "name",
    [
        ("name", ColumnKind.Text, null),
        ("sys_class_name", ColumnKind.ClassName, null),
        ("object_id", ColumnKind.Text, null),
        ("vm_inst_id", ColumnKind.Text, null),
        ("state", ColumnKind.Text, null),
        ("install_status", ColumnKind.Text, null),
        ("operational_status", ColumnKind.Text, null),
        ("sys_created_on", ColumnKind.DateTime, null),
        ("sys_updated_on", ColumnKind.DateTime, null),
    ]);

    public static TableSchema BusinessAppSchema() => new(BusinessApp, "name",
    [
        ("number", ColumnKind.Text, null),
        ("name", ColumnKind.Text, null),
        ("sys_class_name", ColumnKind.ClassName, null),
        ("business_criticality", ColumnKind.Text, null),
        ("u_criticality", ColumnKind.Text, null),
        ("operational_status", ColumnKind.Text, null),
        ("install_status", ColumnKind.Text, null),
        ("sys_created_on", ColumnKind.DateTime, null),
        ("sys_updated_on", ColumnKind.DateTime, null),
    ]);

    public static TableSchema RelationshipSchema() => new(Relationship, "sys_id",
    [
        ("parent", ColumnKind.Reference, RecordStore.ConfigurationItemTable),
        ("child", ColumnKind.Reference, RecordStore.ConfigurationItemTable),
        ("type", ColumnKind.Reference, RelationshipType),
        ("sys_created_on", ColumnKind.DateTime, null),
        ("sys_updated_on", ColumnKind.DateTime, null),
    ]);

    public static TableSchema RelationshipTypeSchema() => new(RelationshipType, "name",
    [
        ("name", ColumnKind.Text, null),
        ("parent_descriptor", ColumnKind.Text, null),
        ("child_descriptor", ColumnKind.Text, null),
        ("sys_created_on", ColumnKind.DateTime, null),
        ("sys_updated_on", ColumnKind.DateTime, null),
    ]);

    public static TableSchema UserSchema() => new(User, "name",
    [
        ("user_name", ColumnKind.Text, null),
        ("name", ColumnKind.Text, null),
        ("active", ColumnKind.Text, null),
        ("sys_created_on", ColumnKind.DateTime, null),
        ("sys_updated_on", ColumnKind.DateTime, null),
    ]);

    /// <summary>The label a class shows as its display value (a real instance shows "Computer", not the table name).</summary>
    public static string ClassLabel(string className) => className switch
    {
        Computer => "Computer",
        "cmdb_ci_win_server" => "Windows Server",
        "cmdb_ci_linux_server" => "Linux Server",
        NetworkAdapter => "Network Adapter",
        BusinessApp => "Business Application",
        VmInstance => "Virtual Machine Instance",
        _ => className,
    };
}
