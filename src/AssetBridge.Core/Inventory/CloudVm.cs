namespace AssetBridge.Core.Inventory;

/// <summary>
/// An Azure virtual machine joined with its network interfaces and public IP addresses, as one
/// ListNodes job read it. Identifiers are normalised once, when the record is built (see
/// <see cref="CloudIds"/>): the resource id lower-case, MAC addresses as <c>00:0d:3a:1b:c7:21</c>.
/// </summary>
public sealed record CloudVm
{
    /// <summary>The ARM resource id, lower-case; the record's key.</summary>
    public required string ResourceId { get; init; }

    /// <summary>The subscription id (lower-case GUID).</summary>
    public required string SubscriptionId { get; init; }

    /// <summary>The VM's unique id (<c>properties.vmId</c>), lower-case; null when Azure did not report it.</summary>
    public string? VmId { get; init; }

    public string? Name { get; init; }

    /// <summary>The guest's host name (<c>osProfile.computerName</c>), when reported.</summary>
    public string? ComputerName { get; init; }

    public string? ResourceGroup { get; init; }
    public string? Location { get; init; }

    /// <summary>The VM size, e.g. <c>Standard_D2s_v5</c>.</summary>
    public string? Size { get; init; }

    /// <summary><c>Windows</c> or <c>Linux</c>.</summary>
    public string? OsType { get; init; }

    /// <summary>The image reference, <c>publisher:offer:sku:version</c>, or the image resource id.</summary>
    public string? Image { get; init; }

    /// <summary>The power state code without its prefix (<c>running</c>, <c>deallocated</c>…); null when not read.</summary>
    public string? PowerState { get; init; }

    public IReadOnlyList<string> MacAddresses { get; init; } = [];
    public IReadOnlyList<string> PrivateIps { get; init; } = [];
    public IReadOnlyList<string> PublicIps { get; init; } = [];
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
