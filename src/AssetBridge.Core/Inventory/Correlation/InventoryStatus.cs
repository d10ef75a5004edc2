namespace AssetBridge.Core.Inventory.Correlation;

/// <summary>Where an inventory entry stands between the CMDB and the cloud.</summary>
public enum InventoryStatus
{
    /// <summary>In the CMDB, and no cloud says otherwise (not a cloud VM, or its cloud is not read).</summary>
    CmdbOnly,

    /// <summary>In the CMDB and in Azure: the two records were joined by a match rule.</summary>
    Managed,

    /// <summary>An Azure VM with no CMDB record.</summary>
    Unmanaged,

    /// <summary>A CMDB record claiming an Azure VM that a complete listing of its subscription no longer has.</summary>
    Stale,
}

/// <summary>The rule that joined a CMDB record to a cloud VM, strongest first.</summary>
public enum MatchRule
{
    /// <summary>The CMDB's <c>vm_inst_id</c> is the VM's <c>vmId</c>.</summary>
    VmId,

    /// <summary>The CMDB's <c>object_id</c> is the VM's resource id (compared case-insensitively).</summary>
    ResourceId,

    /// <summary>An adapter's MAC address is one of the VM's network interfaces' (compared across formats).</summary>
    Mac,

    /// <summary>The device's host name is the VM's computer name and one of its IPs is one of the VM's.</summary>
    NameIp,
}

/// <summary>How an entry was joined: the rule and the value both sides share.</summary>
public sealed record CloudMatch(MatchRule Rule, string Value);

/// <summary>A cloud VM with the connector that found it.</summary>
public sealed record CloudRecord(string Connector, CloudVm Vm);

/// <summary>Whether an entry is reachable from the internet, and by which public addresses.</summary>
public sealed record Exposure(bool InternetFacing, IReadOnlyList<string> PublicIps)
{
    public static readonly Exposure None = new(false, []);
}
