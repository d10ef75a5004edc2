namespace AssetBridge.Core.Inventory;

/// <summary>The kinds of record connectors ingest; each has its own table and deletion scope.</summary>
public enum EntityKind
{
    /// <summary>A ServiceNow computer CI (<c>cmdb_ci_computer</c> and its subclasses).</summary>
    Device,

    /// <summary>A ServiceNow network adapter CI (<c>cmdb_ci_network_adapter</c>).</summary>
    NetworkAdapter,

    /// <summary>A ServiceNow business application (<c>cmdb_ci_business_app</c>).</summary>
    BusinessApplication,

    /// <summary>A ServiceNow CI relationship (<c>cmdb_rel_ci</c>).</summary>
    Relationship,

    /// <summary>A ServiceNow virtual machine instance CI (<c>cmdb_ci_vm_instance</c>): the CMDB's claim that a cloud VM exists.</summary>
    VmInstance,

    /// <summary>An Azure virtual machine as Azure Resource Manager reports it, with its network interfaces and public IPs.</summary>
    CloudVm,
}
