namespace AssetBridge.Emulators.Estate;

/// <summary>
/// What the CMDB holds about one VM of the estate (or about one that is gone): a computer, maybe a
/// network adapter, maybe a cmdb_ci_vm_instance. Each twin carries only the identifiers of its
/// <see cref="Overlap"/>, so exactly one join rule can match it.
/// </summary>
/// <param name="Overlap">VmId, ResourceId, Mac, NameIp or Stale.</param>
/// <param name="ComputerName">cmdb_ci_computer.name.</param>
/// <param name="Os">cmdb_ci_computer.os in the CMDB's words, e.g. "Linux Ubuntu".</param>
/// <param name="MacAddress">The adapter's MAC in ServiceNow form (00:0d:3a:1b:c7:21), or null.</param>
/// <param name="IpAddress">The adapter's IP address, or null.</param>
/// <param name="ObjectId">cmdb_ci_vm_instance.object_id (a resource id, in whatever case the CMDB wrote it), or null when there is no vm instance.</param>
/// <param name="VmInstId">cmdb_ci_vm_instance.vm_inst_id (the VM id), or null.</param>
/// <param name="ResourceId">The Azure VM it stands for, canonical case; for Stale the id of the VM Azure does not have.</param>
public sealed record EstateCmdbTwin(
    EstateOverlap Overlap,
    string ComputerName,
    string Os,
    string? MacAddress,
    string? IpAddress,
    string? ObjectId,
    string? VmInstId,
    string ResourceId);
