using AssetBridge.Emulators.ServiceNow.Tables;

namespace AssetBridge.Emulators.ServiceNow.Generation;

/// <summary>
/// cmdb_rel_ci rows for twins: computer (parent) "Virtualized by" its vm instance (child), and
/// application (parent) "Depends on" computer (child) for the twins an application uses.
/// </summary>
internal sealed class TwinRelationshipRows : IRowGenerator
{
    private readonly TwinPlan plan;
    private readonly ApplicationRows applications;
    private readonly ulong seed;
    private readonly GenerationClock clock;
    private readonly ColumnValues columns;

    public TwinRelationshipRows(TableSchema schema, TwinPlan plan, ApplicationRows applications, int seed, DateTimeOffset generatedAt)
    {
        this.plan = plan;
        this.applications = applications;
        this.seed = RowDraws.TableSeed(seed, "estate twins " + schema.Name);
        Count = plan.Links.Count;
        clock = new GenerationClock(generatedAt, Count);
        columns = new ColumnValues(schema, new Dictionary<string, Func<int, string>>
        {
            ["parent"] = i => Tables.SysId.Format(Parent(plan.Links[i])),
            ["child"] = i => Tables.SysId.Format(Child(plan.Links[i])),
            ["type"] = i => plan.Links[i].Kind == TwinLinkKind.ComputerVirtualizedByInstance ? CmdbTables.VirtualizedByVirtualizes : CmdbTables.DependsOnUsedBy,
            ["sys_created_on"] = i => GlideDateTime.Format(clock.CreatedOn(Draws(i))),
        });
    }

    public int Count { get; }

    public UInt128 SysId(int ordinal) => Draws(ordinal).SysId();

    public long UpdatedOn(int ordinal) => clock.UpdatedOn(Draws(ordinal));

    public string Value(int ordinal, int column) => columns.Value(ordinal, column);

    private UInt128 Parent(TwinLink link) =>
        link.Kind == TwinLinkKind.ApplicationUsesComputer ? applications.SysId(link.Other) : plan.ComputerSysId(link.Twin);

    private UInt128 Child(TwinLink link) =>
        link.Kind == TwinLinkKind.ApplicationUsesComputer ? plan.ComputerSysId(link.Twin) : plan.VmInstanceSysId(link.Other);

    private RowDraws Draws(int ordinal) => new(seed, ordinal);
}
