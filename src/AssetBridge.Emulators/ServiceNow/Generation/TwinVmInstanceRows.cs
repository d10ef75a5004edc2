using AssetBridge.Emulators.Estate;
using AssetBridge.Emulators.ServiceNow.Tables;

namespace AssetBridge.Emulators.ServiceNow.Generation;

/// <summary>
/// cmdb_ci_vm_instance rows for twins with an object_id: named after the VM, object_id and
/// vm_inst_id as the twin wrote them (so in whatever letter case), state On or Off from the VM's
/// power state; a stale twin's instance still says On, as a CMDB that missed the deletion would.
/// </summary>
internal sealed class TwinVmInstanceRows : IRowGenerator
{
    private readonly TwinPlan plan;
    private readonly ulong seed;
    private readonly GenerationClock clock;
    private readonly ColumnValues columns;

    public TwinVmInstanceRows(TableSchema schema, TwinPlan plan, int seed, DateTimeOffset generatedAt)
    {
        this.plan = plan;
        this.seed = RowDraws.TableSeed(seed, "estate twins " + schema.Name);
        Count = plan.VmInstanceTwins.Count;
        clock = new GenerationClock(generatedAt, Count);
        columns = new ColumnValues(schema, new Dictionary<string, Func<int, string>>
        {
            ["name"] = i => Twin(i).ObjectId![(Twin(i).ObjectId!.LastIndexOf('/') + 1)..],
            ["sys_class_name"] = _ => CmdbTables.VmInstance,
            ["object_id"] = i => Twin(i).ObjectId!,
            ["vm_inst_id"] = i => Twin(i).VmInstId ?? string.Empty,
            ["state"] = State,
            ["install_status"] = _ => "1",
            ["operational_status"] = _ => "1",
            ["sys_created_on"] = i => GlideDateTime.Format(clock.CreatedOn(Draws(i))),
        });
    }

    public int Count { get; }

    public UInt128 SysId(int ordinal) => plan.VmInstanceSysId(ordinal);

    public long UpdatedOn(int ordinal) => clock.UpdatedOn(Draws(ordinal));

    public string Value(int ordinal, int column) => columns.Value(ordinal, column);

    private EstateCmdbTwin Twin(int row) => plan.Twins[plan.VmInstanceTwins[row]];

    private string State(int row) => plan.VmOf(plan.VmInstanceTwins[row])?.PowerState switch
    {
        null or "running" => "On",
        _ => "Off",
    };

    private RowDraws Draws(int ordinal) => new(seed, ordinal);
}
