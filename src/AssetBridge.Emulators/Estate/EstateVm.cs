namespace AssetBridge.Emulators.Estate;

/// <summary>A virtual machine as Azure has it.</summary>
/// <param name="SubscriptionId">Lower-case GUID.</param>
/// <param name="ResourceGroup">Mixed case, as it was created (e.g. "RG-Web").</param>
/// <param name="Name">The resource name, e.g. "vm-web010007".</param>
/// <param name="ComputerName">The guest host name (osProfile.computerName), e.g. "web010007".</param>
/// <param name="VmId">properties.vmId: a lower-case GUID.</param>
/// <param name="Location">e.g. "westeurope".</param>
/// <param name="Size">hardwareProfile.vmSize, e.g. "Standard_D2s_v5".</param>
/// <param name="OsType">"Windows" or "Linux".</param>
/// <param name="Image">storageProfile.imageReference.</param>
/// <param name="PowerState">"running", "stopped" or "deallocated" (the code after "PowerState/").</param>
/// <param name="Tags">Resource tags (may be empty).</param>
/// <param name="Nics">Its network interfaces, the primary one first.</param>
/// <param name="Overlap">How the CMDB knows it.</param>
public sealed record EstateVm(
    string SubscriptionId,
    string ResourceGroup,
    string Name,
    string ComputerName,
    string VmId,
    string Location,
    string Size,
    string OsType,
    EstateImage Image,
    string PowerState,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<EstateNic> Nics,
    EstateOverlap Overlap)
{
    /// <summary>The ARM resource id in ARM's canonical case.</summary>
    public string ResourceId => EstateIds.VirtualMachine(SubscriptionId, ResourceGroup, Name);
}

/// <summary>A marketplace image reference.</summary>
public sealed record EstateImage(string Publisher, string Offer, string Sku, string Version);

/// <summary>A network interface of a VM.</summary>
/// <param name="Id">ARM resource id (canonical case).</param>
/// <param name="Name">Resource name.</param>
/// <param name="MacAddress">Azure's form "00-0D-3A-1B-C7-21"; null while the VM is deallocated (Azure releases it).</param>
/// <param name="PrivateIps">One per IP configuration, the primary first.</param>
/// <param name="PublicIpId">The public IP resource on the primary IP configuration, or null.</param>
/// <param name="PublicIpAddress">That public IP's address, or null.</param>
/// <param name="Primary">Whether this is the VM's primary NIC.</param>
public sealed record EstateNic(
    string Id,
    string Name,
    string? MacAddress,
    IReadOnlyList<string> PrivateIps,
    string? PublicIpId,
    string? PublicIpAddress,
    bool Primary);
