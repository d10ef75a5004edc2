namespace AssetBridge.Emulators.Estate;

/// <summary>How the CMDB knows a VM, i.e. which identifier a join can use.</summary>
public enum EstateOverlap
{
    /// <summary>A computer plus a cmdb_ci_vm_instance whose vm_inst_id is the VM id (and object_id the resource id).</summary>
    VmId,

    /// <summary>A computer plus a cmdb_ci_vm_instance whose object_id is the resource id in another letter case; no vm_inst_id.</summary>
    ResourceId,

    /// <summary>A computer whose network adapter carries the NIC's MAC address (ServiceNow form).</summary>
    Mac,

    /// <summary>A computer named like the guest (another case, sometimes an FQDN) whose adapter carries the private IP, no MAC.</summary>
    NameIp,

    /// <summary>A VM the CMDB does not hold at all (VMs only).</summary>
    Unmanaged,

    /// <summary>A CMDB record naming a VM that Azure does not have (twins only).</summary>
    Stale,
}
