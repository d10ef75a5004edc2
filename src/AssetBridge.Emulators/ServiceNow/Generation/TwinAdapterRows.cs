using AssetBridge.Emulators.ServiceNow.Tables;

namespace AssetBridge.Emulators.ServiceNow.Generation;

/// <summary>
/// cmdb_ci_network_adapter rows for twins known by MAC (lower-case, colons, no IP) or by name and
/// IP (no MAC), each referencing its twin's computer.
/// </summary>
internal sealed class TwinAdapterRows : IRowGenerator
{
    private readonly TwinPlan plan;
    private readonly ulong seed;
    private readonly GenerationClock clock;
    private readonly ColumnValues columns;

    public TwinAdapterRows(TableSchema schema, TwinPlan plan, int seed, DateTimeOffset generatedAt)
    {
        this.plan = plan;
        this.seed = RowDraws.TableSeed(seed, "estate twins " + schema.Name);
        Count = plan.AdapterTwins.Count;
        clock = new GenerationClock(generatedAt, Count);
        columns = new ColumnValues(schema, new Dictionary<string, Func<int, string>>
        {
            ["name"] = i => TwinPlan.IsWindows(Twin(i)) ? "Ethernet" : "eth0",
            ["sys_class_name"] = _ => CmdbTables.NetworkAdapter,
            ["cmdb_ci"] = i => Tables.SysId.Format(plan.ComputerSysId(plan.AdapterTwins[i])),
            ["mac_address"] = i => Twin(i).MacAddress ?? string.Empty,
            ["ip_address"] = i => Twin(i).IpAddress ?? string.Empty,
            ["netmask"] = i => Twin(i).IpAddress is null ? string.Empty : "255.255.255.0",
            ["ip_default_gateway"] = i => Twin(i).IpAddress is { } ip ? ip[..(ip.LastIndexOf('.') + 1)] + "1" : string.Empty,
            ["dhcp_enabled"] = _ => "true",
            ["install_status"] = _ => "1",
            ["sys_created_on"] = i => GlideDateTime.Format(clock.CreatedOn(Draws(i))),
        });
    }

    public int Count { get; }

    public UInt128 SysId(int ordinal) => Draws(ordinal).SysId();

    public long UpdatedOn(int ordinal) => clock.UpdatedOn(Draws(ordinal));

    public string Value(int ordinal, int column) => columns.Value(ordinal, column);

    private Estate.EstateCmdbTwin Twin(int row) => plan.Twins[plan.AdapterTwins[row]];

    private RowDraws Draws(int ordinal) => new(seed, ordinal);
}
