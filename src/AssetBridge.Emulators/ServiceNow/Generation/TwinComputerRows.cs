using System.Globalization;
using AssetBridge.Emulators.Estate;
using AssetBridge.Emulators.ServiceNow.Tables;

namespace AssetBridge.Emulators.ServiceNow.Generation;

/// <summary>
/// cmdb_ci_computer rows for cloud estate twins: Windows or Linux servers, virtual, made by
/// Microsoft, with criticality, users and primary application drawn as for generated servers, and
/// used_for from the VM's environment tag.
/// </summary>
internal sealed class TwinComputerRows : IRowGenerator
{
    private const string AzureCpu = "Intel(R) Xeon(R) Platinum 8370C CPU @ 2.80GHz";

    private readonly TwinPlan plan;
    private readonly ulong seed;
    private readonly ApplicationRows applications;
    private readonly GenerationClock clock;
    private readonly ColumnValues columns;

    public TwinComputerRows(TableSchema schema, TwinPlan plan, int seed, DateTimeOffset generatedAt, ApplicationRows applications)
    {
        this.plan = plan;
        this.seed = RowDraws.TableSeed(seed, "estate twins " + schema.Name);
        this.applications = applications;
        Count = plan.Twins.Count;
        clock = new GenerationClock(generatedAt, Count);
        columns = new ColumnValues(schema, new Dictionary<string, Func<int, string>>
        {
            ["name"] = i => plan.Twins[i].ComputerName,
            ["sys_class_name"] = i => TwinPlan.IsWindows(plan.Twins[i]) ? DeviceRows.WindowsServer : DeviceRows.LinuxServer,
            ["os"] = i => plan.Twins[i].Os,
            ["os_version"] = i => SampleValues.OsVersion(plan.Twins[i].Os),
            ["cpu_type"] = _ => AzureCpu,
            ["category"] = _ => "Hardware",
            ["manufacturer"] = _ => "Microsoft Corporation",
            ["serial_number"] = SerialNumber,
            ["virtual"] = _ => "true",
            ["business_criticality"] = i => Draws(i).Pick(Field.Criticality, 5) == 0 ? string.Empty : SampleValues.Criticalities[Draws(i).Pick(Field.CriticalityLevel, 4)],
            ["used_for"] = UsedFor,
            ["u_last_logged_on_user"] = LastLoggedOnUser,
            ["u_most_frequent_user"] = LastLoggedOnUser,
            ["u_primary_business_application"] = PrimaryApplication,
            ["host_name"] = i => plan.Twins[i].ComputerName.Split('.')[0].ToLowerInvariant(),
            ["dns_domain"] = DnsDomain,
            ["install_status"] = _ => "1",
            ["operational_status"] = _ => "1",
            ["sys_created_by"] = _ => "discovery",
            ["sys_updated_by"] = _ => "discovery",
            ["sys_created_on"] = i => GlideDateTime.Format(clock.CreatedOn(Draws(i))),
        });
    }

    public int Count { get; }

    public UInt128 SysId(int ordinal) => plan.ComputerSysId(ordinal);

    public long UpdatedOn(int ordinal) => clock.UpdatedOn(Draws(ordinal));

    public string Value(int ordinal, int column) => columns.Value(ordinal, column);

    private RowDraws Draws(int ordinal) => new(seed, ordinal);

    /// <summary>Hyper-V guests report a serial like 0000-0016-5432-1098-7654-3210-12.</summary>
    private string SerialNumber(int i)
    {
        var digits = (Draws(i).Draw(Field.Serial) % 10_000_000_000_000_000UL).ToString("D22", CultureInfo.InvariantCulture);
        return $"{digits[..4]}-{digits[4..8]}-{digits[8..12]}-{digits[12..16]}-{digits[16..20]}-{digits[20..]}";
    }

    private string UsedFor(int i)
    {
        var environment = plan.VmOf(i)?.Tags.GetValueOrDefault("environment");
        return environment switch
        {
            "production" => "Production",
            "staging" => "Staging",
            "dev" => "Development",
            _ => SampleValues.UsedFor[Draws(i).Pick(Field.UsedFor, SampleValues.UsedFor.Length)],
        };
    }

    private string LastLoggedOnUser(int i) =>
        Draws(i).Chance(Field.HasUser, 40) ? SampleValues.UserNames[Draws(i).Pick(Field.LastUser, SampleValues.UserNames.Length)] : string.Empty;

    private string PrimaryApplication(int i) =>
        applications.Count > 0 && Draws(i).Pick(Field.HasApplication, 10) < 6
            ? Tables.SysId.Format(applications.SysId(Draws(i).Pick(Field.Application, applications.Count)))
            : string.Empty;

    private string DnsDomain(int i)
    {
        var name = plan.Twins[i].ComputerName;
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? name[(dot + 1)..] : EstateVocabulary.DnsDomain;
    }
}
