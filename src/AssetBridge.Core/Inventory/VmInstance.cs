namespace AssetBridge.Core.Inventory;

/// <summary>
/// A virtual machine instance CI (<c>cmdb_ci_vm_instance</c>): what the CMDB believes about a cloud VM.
/// For Azure, <see cref="ObjectId"/> holds the resource id and <see cref="VmInstId"/> the VM id. It is
/// linked to its guest computer by a <c>cmdb_rel_ci</c> row (Virtualized by::Virtualizes), either way.
/// </summary>
public sealed record VmInstance
{
    public required string SysId { get; init; }
    public string? Name { get; init; }

    /// <summary>The Azure resource id, <c>/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Compute/virtualMachines/{name}</c>, as the CMDB wrote it (any case).</summary>
    public string? ObjectId { get; init; }

    /// <summary>The Azure VM id (a GUID), as the CMDB wrote it.</summary>
    public string? VmInstId { get; init; }

    /// <summary>On, Off or Terminated.</summary>
    public string? State { get; init; }

    public string? SysUpdatedOn { get; init; }
}
