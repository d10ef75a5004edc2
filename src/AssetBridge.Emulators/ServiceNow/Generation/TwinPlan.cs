using AssetBridge.Emulators.Estate;
using AssetBridge.Emulators.ServiceNow.Tables;

namespace AssetBridge.Emulators.ServiceNow.Generation;

/// <summary>
/// Which CMDB rows a cloud estate's twins become, decided up front (a few ints per twin): every twin
/// a computer; a twin with a MAC or an IP one network adapter; a twin with an object_id one
/// cmdb_ci_vm_instance, linked to its computer by "Virtualized by::Virtualizes"; and some twins an
/// application that depends on them, as generated devices have. Values are computed on demand.
/// </summary>
internal sealed class TwinPlan
{
    private readonly ulong computerSeed;
    private readonly ulong vmInstanceSeed;
    private readonly EstateVm?[] vms;

    public TwinPlan(CloudEstate estate, int seed, int applications)
    {
        Twins = estate.CmdbTwins;
        computerSeed = RowDraws.TableSeed(seed, "estate twins " + CmdbTables.Computer);
        vmInstanceSeed = RowDraws.TableSeed(seed, "estate twins " + CmdbTables.VmInstance);
        var byId = estate.Vms.ToDictionary(v => v.ResourceId, StringComparer.Ordinal);
        vms = Twins.Select(t => byId.GetValueOrDefault(t.ResourceId)).ToArray();
        var linkSeed = RowDraws.TableSeed(seed, "estate twin relationships");
        for (var twin = 0; twin < Twins.Count; twin++)
        {
            if (Twins[twin].MacAddress is not null || Twins[twin].IpAddress is not null)
            {
                AdapterTwins.Add(twin);
            }

            if (Twins[twin].ObjectId is not null)
            {
                Links.Add(new TwinLink(twin, VmInstanceTwins.Count, TwinLinkKind.ComputerVirtualizedByInstance));
                VmInstanceTwins.Add(twin);
            }

            var draws = new RowDraws(linkSeed, twin);
            if (applications > 0 && draws.Pick(Field.Relationship, 100) < 30)
            {
                Links.Add(new TwinLink(twin, draws.Pick(Field.RelatedApplication, applications), TwinLinkKind.ApplicationUsesComputer));
            }
        }
    }

    public IReadOnlyList<EstateCmdbTwin> Twins { get; }

    /// <summary>The twin (by index) behind each adapter row.</summary>
    public List<int> AdapterTwins { get; } = [];

    /// <summary>The twin (by index) behind each vm instance row.</summary>
    public List<int> VmInstanceTwins { get; } = [];

    public List<TwinLink> Links { get; } = [];

    /// <summary>The Azure VM a twin stands for; null for a stale twin (Azure no longer has it).</summary>
    public EstateVm? VmOf(int twin) => vms[twin];

    public UInt128 ComputerSysId(int twin) => new RowDraws(computerSeed, twin).SysId();

    public UInt128 VmInstanceSysId(int row) => new RowDraws(vmInstanceSeed, row).SysId();

    public static bool IsWindows(EstateCmdbTwin twin) => twin.Os.StartsWith("Windows", StringComparison.Ordinal);
}

/// <summary>A twin's relationship row: to its vm instance (row index) or from an application (ordinal).</summary>
internal readonly record struct TwinLink(int Twin, int Other, TwinLinkKind Kind);

internal enum TwinLinkKind : byte
{
    ComputerVirtualizedByInstance,
    ApplicationUsesComputer,
}
