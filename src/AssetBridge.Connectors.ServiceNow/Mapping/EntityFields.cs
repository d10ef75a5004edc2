using AssetBridge.Core.Inventory;

namespace AssetBridge.Connectors.ServiceNow.Mapping;

/// <summary>
/// The fields AssetBridge reads for one kind of record and the ServiceNow column each comes from by
/// default. Field names are the JSON names of the Core records (<c>osVersion</c>, <c>deviceSysId</c>).
/// </summary>
internal sealed record EntityFields(EntityKind Kind, string Prefix, IReadOnlyList<KeyValuePair<string, string>> Defaults)
{
    public const string SysId = "sysId";
    public const string SysUpdatedOn = "sysUpdatedOn";

    /// <summary>The columns the keyset reader pages on; remapping them would break paging, so they are fixed.</summary>
    public const string SysIdColumn = "sys_id";
    public const string SysUpdatedOnColumn = "sys_updated_on";

    public static readonly EntityFields Device = new(EntityKind.Device, "device",
    [
        Pair(SysId, SysIdColumn),
        Pair("name", "name"),
        Pair("os", "os"),
        Pair("osVersion", "os_version"),
        Pair("osServicePack", "os_service_pack"),
        Pair("cpuType", "cpu_type"),
        Pair("category", "category"),
        Pair("assetTag", "asset_tag"),
        Pair("virtual", "virtual"),
        Pair("serviceNowCriticality", "business_criticality"),
        Pair("usedFor", "used_for"),
        Pair("lastLoggedOnUser", "u_last_logged_on_user"),
        Pair("mostFrequentUser", "u_most_frequent_user"),
        Pair("sysClassName", "sys_class_name"),
        Pair("uPrimaryBusinessApplication", "u_primary_business_application"),
        Pair(SysUpdatedOn, SysUpdatedOnColumn),
    ]);

    public static readonly EntityFields NetworkAdapter = new(EntityKind.NetworkAdapter, "adapter",
    [
        Pair(SysId, SysIdColumn),
        Pair("deviceSysId", "cmdb_ci"),
        Pair("name", "name"),
        Pair("macAddress", "mac_address"),
        Pair("ipAddress", "ip_address"),
        Pair("ipDefaultGateway", "ip_default_gateway"),
        Pair(SysUpdatedOn, SysUpdatedOnColumn),
    ]);

    public static readonly EntityFields BusinessApplication = new(EntityKind.BusinessApplication, "application",
    [
        Pair(SysId, SysIdColumn),
        Pair("number", "number"),
        Pair("name", "name"),
        Pair("uCriticality", "u_criticality"),
        Pair("businessCriticality", "business_criticality"),
        Pair(SysUpdatedOn, SysUpdatedOnColumn),
    ]);

    public static readonly EntityFields Relationship = new(EntityKind.Relationship, "relationship",
    [
        Pair(SysId, SysIdColumn),
        Pair("parent", "parent"),
        Pair("child", "child"),
        Pair("type", "type"),
        Pair(SysUpdatedOn, SysUpdatedOnColumn),
    ]);

    /// <summary>Virtual machine instances (<c>cmdb_ci_vm_instance</c>): for Azure, object_id is the resource id and vm_inst_id the VM id.</summary>
    public static readonly EntityFields VmInstance = new(EntityKind.VmInstance, "vmInstance",
    [
        Pair(SysId, SysIdColumn),
        Pair("name", "name"),
        Pair("objectId", "object_id"),
        Pair("vmInstId", "vm_inst_id"),
        Pair("state", "state"),
        Pair(SysUpdatedOn, SysUpdatedOnColumn),
    ]);

    /// <summary>
    /// The kinds a ServiceNow connector reads, one table and one job each, in planning order. Listed
    /// here rather than taken from <see cref="EntityKind"/>, which also holds kinds of other connectors.
    /// </summary>
    public static readonly IReadOnlyList<EntityFields> All = [Device, NetworkAdapter, BusinessApplication, Relationship, VmInstance];

    public static EntityFields For(EntityKind kind) =>
        All.FirstOrDefault(f => f.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a ServiceNow record kind.");

    /// <summary>True for the fields whose column is fixed because paging depends on it.</summary>
    public static bool IsFixed(string field) => field is SysId or SysUpdatedOn;

    public bool Has(string field) => Defaults.Any(d => d.Key == field);

    /// <summary>The qualified names users may remap (<c>adapter.macAddress</c>), for error sentences.</summary>
    public IEnumerable<string> RemappableNames() =>
        Defaults.Where(d => !IsFixed(d.Key)).Select(d => $"{Prefix}.{d.Key}");

    /// <summary>
    /// The field -> column map for this kind: the defaults, with the overrides (keys qualified as
    /// <c>prefix.field</c>) applied. Order follows the defaults, so requests are stable.
    /// </summary>
    public IReadOnlyDictionary<string, string> Resolve(IReadOnlyDictionary<string, string> overrides)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, column) in Defaults)
        {
            map[field] = overrides.TryGetValue($"{Prefix}.{field}", out var custom) ? custom : column;
        }

        return map;
    }

    private static KeyValuePair<string, string> Pair(string field, string column) => new(field, column);
}
