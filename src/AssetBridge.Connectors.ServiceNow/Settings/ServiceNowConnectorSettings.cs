using System.Text.Json;
using System.Text.Json.Serialization;
using AssetBridge.Connectors.ServiceNow.Mapping;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Inventory;

namespace AssetBridge.Connectors.ServiceNow.Settings;

/// <summary>
/// A ServiceNow connector's settings, stored as the connector's <c>SettingsJson</c>: which tables to
/// read, field-map overrides, page size and concurrency. Build them with <see cref="Create"/> from
/// command-line inputs and read them back with <see cref="FromJson"/>; both validate.
/// </summary>
public sealed record ServiceNowConnectorSettings
{
    public const string DefaultDeviceTable = "cmdb_ci_computer";
    public const string DefaultAdapterTable = "cmdb_ci_network_adapter";
    public const string DefaultApplicationTable = "cmdb_ci_business_app";
    public const string DefaultRelationshipTable = "cmdb_rel_ci";
    public const string DefaultVmInstanceTable = "cmdb_ci_vm_instance";

    /// <summary>Rows per request. 1000 follows the Table API guidance (500–2000) and stays well under the 60 s transaction quota.</summary>
    public const int DefaultPageSize = 1000;

    /// <summary>ServiceNow's own cap on <c>sysparm_limit</c>.</summary>
    public const int MaxPageSize = 10_000;

    /// <summary>Requests in flight to one instance at a time. Four keeps the table jobs moving without crowding a shared instance.</summary>
    public const int DefaultMaxConcurrentRequests = 4;

    public const int MaxMaxConcurrentRequests = 64;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Computers table; default <c>cmdb_ci_computer</c>.</summary>
    public string DeviceTable { get; init; } = DefaultDeviceTable;

    /// <summary>Network adapters table; default <c>cmdb_ci_network_adapter</c>.</summary>
    public string AdapterTable { get; init; } = DefaultAdapterTable;

    /// <summary>Business applications table; default <c>cmdb_ci_business_app</c>.</summary>
    public string ApplicationTable { get; init; } = DefaultApplicationTable;

    /// <summary>CI relationships table; default <c>cmdb_rel_ci</c>.</summary>
    public string RelationshipTable { get; init; } = DefaultRelationshipTable;

    /// <summary>
    /// Virtual machine instances table; default <c>cmdb_ci_vm_instance</c>. An instance without that
    /// default table (no cloud discovery) is read as having no VM instances; a table named here that
    /// does not exist fails the sync, like any other misnamed table.
    /// </summary>
    public string VmInstanceTable { get; init; } = DefaultVmInstanceTable;

    /// <summary>
    /// Field-map overrides, qualified field name -> column, e.g. <c>device.lastLoggedOnUser</c> ->
    /// <c>u_last_user</c>. Fields not named keep their default column. Empty by default.
    /// </summary>
    public IReadOnlyDictionary<string, string> FieldMap { get; init; } = new Dictionary<string, string>();

    /// <summary>Rows per request, 1..10000; default 1000.</summary>
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Concurrent requests to the instance, 1..64; default 4. The first job to reach an instance sets its cap for the process.</summary>
    public int MaxConcurrentRequests { get; init; } = DefaultMaxConcurrentRequests;

    /// <summary>
    /// Settings from command-line inputs. <paramref name="mapArgs"/> are <c>field=column</c>, where field
    /// is a device field (<c>osVersion</c> or <c>device.osVersion</c>) or <c>adapter.</c>,
    /// <c>application.</c>, <c>relationship.</c>, <c>vmInstance.</c> followed by the field. Nulls keep the defaults.
    /// </summary>
    public static ServiceNowConnectorSettings Create(
        string? deviceTable,
        IEnumerable<string> mapArgs,
        int? pageSize,
        int? maxConcurrentRequests = null,
        string? adapterTable = null,
        string? applicationTable = null,
        string? relationshipTable = null,
        string? vmInstanceTable = null)
    {
        ArgumentNullException.ThrowIfNull(mapArgs);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var arg in mapArgs)
        {
            var (field, column) = FieldMapRules.ParseArgument(arg);
            map[field] = column;
        }

        var settings = new ServiceNowConnectorSettings
        {
            DeviceTable = deviceTable ?? DefaultDeviceTable,
            AdapterTable = adapterTable ?? DefaultAdapterTable,
            ApplicationTable = applicationTable ?? DefaultApplicationTable,
            RelationshipTable = relationshipTable ?? DefaultRelationshipTable,
            VmInstanceTable = vmInstanceTable ?? DefaultVmInstanceTable,
            FieldMap = map,
            PageSize = pageSize ?? DefaultPageSize,
            MaxConcurrentRequests = maxConcurrentRequests ?? DefaultMaxConcurrentRequests,
        };
        settings.Validate();
        return settings;
    }

    /// <summary>
    /// Checks an instance URL and returns the instance root (scheme, host, port; path dropped). Plain
    /// <c>http://</c> is allowed to loopback only (emulators, tests), because Basic credentials would
    /// otherwise travel in clear text.
    /// </summary>
    public static Uri ValidateInstanceUrl(string url) => InstanceUrlRules.Validate(url);

    /// <summary>Reads settings stored as a connector's SettingsJson; an empty document means all defaults.</summary>
    public static ServiceNowConnectorSettings FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new ServiceNowConnectorSettings();
        }

        ServiceNowConnectorSettings? settings;
        try
        {
            settings = JsonSerializer.Deserialize<ServiceNowConnectorSettings>(json, Json);
        }
        catch (JsonException e)
        {
            throw new AssetBridgeException(
                ErrorKind.Configuration,
                $"The connector's ServiceNow settings are not valid JSON ({e.Message}); remove the connector and add it again.",
                e);
        }

        settings ??= new ServiceNowConnectorSettings();
        settings = settings with { FieldMap = FieldMapRules.Normalize(settings.FieldMap ?? new Dictionary<string, string>()) };
        settings.Validate();
        return settings;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Throws a usage error with one sentence when a value is out of range or unknown.</summary>
    public void Validate()
    {
        foreach (var fields in EntityFields.All)
        {
            TableNameRules.Validate(TableFor(fields.Kind), TableOption(fields.Kind));
        }

        // A table is a job's scope: the key of its watermark, its deletions and (per run) its job.
        var shared = EntityFields.All.GroupBy(f => TableFor(f.Kind), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (shared is not null)
        {
            throw new AssetBridgeException(
                ErrorKind.Usage,
                $"'{shared.Key}' is given for both {string.Join(" and ", shared.Select(f => TableOption(f.Kind)))}; each kind of record needs a table of its own.");
        }

        if (PageSize is < 1 or > MaxPageSize)
        {
            throw new AssetBridgeException(
                ErrorKind.Usage,
                $"The page size {PageSize} is out of range; use 1 to {MaxPageSize} (ServiceNow's cap), e.g. {DefaultPageSize}.");
        }

        if (MaxConcurrentRequests is < 1 or > MaxMaxConcurrentRequests)
        {
            throw new AssetBridgeException(
                ErrorKind.Usage,
                $"The concurrent request limit {MaxConcurrentRequests} is out of range; use 1 to {MaxMaxConcurrentRequests}, e.g. {DefaultMaxConcurrentRequests}.");
        }

        FieldMapRules.Validate(FieldMap);
    }

    /// <summary>The table a kind of record is read from.</summary>
    internal string TableFor(EntityKind kind) => kind switch
    {
        EntityKind.Device => DeviceTable,
        EntityKind.NetworkAdapter => AdapterTable,
        EntityKind.BusinessApplication => ApplicationTable,
        EntityKind.Relationship => RelationshipTable,
        EntityKind.VmInstance => VmInstanceTable,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a ServiceNow record kind."),
    };

    /// <summary>The field -> column map of a kind: defaults with this connector's overrides.</summary>
    internal IReadOnlyDictionary<string, string> ColumnsFor(EntityKind kind) => EntityFields.For(kind).Resolve(FieldMap);

    /// <summary>The command-line option that names a kind's table, for error sentences.</summary>
    internal static string TableOption(EntityKind kind) => kind switch
    {
        EntityKind.Device => "--device-table",
        EntityKind.NetworkAdapter => "--adapter-table",
        EntityKind.BusinessApplication => "--application-table",
        EntityKind.Relationship => "--relationship-table",
        EntityKind.VmInstance => "--vm-instance-table",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a ServiceNow record kind."),
    };

    /// <summary>
    /// Whether a missing table of this kind means "no records" rather than a mistake: only the default
    /// VM instance table, which instances without cloud discovery may lack.
    /// </summary>
    internal bool MissingTableIsEmpty(EntityKind kind) =>
        kind == EntityKind.VmInstance && string.Equals(VmInstanceTable, DefaultVmInstanceTable, StringComparison.Ordinal);
}
