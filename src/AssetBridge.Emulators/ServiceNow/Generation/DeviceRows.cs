using System.Globalization;
using AssetBridge.Emulators.ServiceNow.Tables;

namespace AssetBridge.Emulators.ServiceNow.Generation;

/// <summary>
/// cmdb_ci_computer: workstations, Windows and Linux servers (by sys_class_name). Some fields are
/// empty on purpose (criticality, users, primary application), as in a real CMDB; a few names
/// carry quotes and non-ASCII letters to exercise JSON escaping.
/// </summary>
internal sealed class DeviceRows : IRowGenerator
{
    public const string WindowsServer = "cmdb_ci_win_server";
    public const string LinuxServer = "cmdb_ci_linux_server";

    private readonly ulong seed;
    private readonly GenerationClock clock;
    private readonly ApplicationRows applications;
    private readonly ColumnValues columns;

    public DeviceRows(TableSchema schema, int count, int seed, DateTimeOffset generatedAt, ApplicationRows applications)
    {
        Count = count;
        this.seed = RowDraws.TableSeed(seed, schema.Name);
        clock = new GenerationClock(generatedAt, count);
        this.applications = applications;
        columns = new ColumnValues(schema, new Dictionary<string, Func<int, string>>
        {
            ["name"] = Name,
            ["sys_class_name"] = ClassName,
            ["os"] = Os,
            ["os_version"] = i => SampleValues.OsVersion(Os(i)),
            ["os_service_pack"] = i => Os(i) == "Windows 2016 Standard" && Draws(i).Pick(Field.ServicePack, 4) == 0 ? "Service Pack 1" : string.Empty,
            ["cpu_type"] = i => SampleValues.CpuType(ClassName(i), IsMac(i)),
            ["category"] = _ => "Hardware",
            ["manufacturer"] = Manufacturer,
            ["asset_tag"] = i => Draws(i).Pick(Field.AssetTag, 10) == 0 ? string.Empty : "P" + (1_000_000 + i).ToString(CultureInfo.InvariantCulture),
            ["serial_number"] = SerialNumber,
            ["virtual"] = i => IsVirtual(i) ? "true" : "false",
            ["business_criticality"] = i => Draws(i).Pick(Field.Criticality, 5) == 0 ? string.Empty : SampleValues.Criticalities[Draws(i).Pick(Field.CriticalityLevel, 4)],
            ["used_for"] = i => SampleValues.UsedFor[Draws(i).Pick(Field.UsedFor, SampleValues.UsedFor.Length)],
            ["u_last_logged_on_user"] = LastLoggedOnUser,
            ["u_most_frequent_user"] = MostFrequentUser,
            ["u_primary_business_application"] = PrimaryApplication,
            ["host_name"] = i => Name(i).ToLowerInvariant(),
            ["dns_domain"] = _ => "corp.example.com",
            ["install_status"] = _ => "1",
            ["operational_status"] = _ => "1",
            ["sys_created_by"] = _ => "discovery",
            ["sys_updated_by"] = i => Draws(i).Pick(Field.UpdatedBy, 4) == 0 ? "admin" : "discovery",
            ["sys_created_on"] = i => GlideDateTime.Format(clock.CreatedOn(Draws(i))),
        });
    }

    public int Count { get; }

    public UInt128 SysId(int ordinal) => Draws(ordinal).SysId();

    public long UpdatedOn(int ordinal) => clock.UpdatedOn(Draws(ordinal));

    public string Value(int ordinal, int column) => columns.Value(ordinal, column);

    public string ClassName(int i)
    {
        var kind = Draws(i).Pick(Field.Class, 100);
        return kind < 60 ? CmdbTables.Computer : kind < 85 ? WindowsServer : LinuxServer;
    }

    public string Manufacturer(int i) =>
        IsVirtual(i) ? "VMware, Inc." : IsMac(i) ? "Apple" : SampleValues.Manufacturers[Draws(i).Pick(Field.Manufacturer, SampleValues.Manufacturers.Length)];

    private RowDraws Draws(int ordinal) => new(seed, ordinal);

    private string Os(int i)
    {
        var choices = ClassName(i) switch
        {
            CmdbTables.Computer => SampleValues.DesktopOs,
            WindowsServer => SampleValues.WindowsServerOs,
            _ => SampleValues.LinuxOs,
        };
        return choices[Draws(i).Pick(Field.Os, choices.Length)];
    }

    private bool IsMac(int i) => Os(i) == "Mac OS X";

    private bool IsVirtual(int i) => !IsMac(i) && Draws(i).Chance(Field.Virtual, ClassName(i) == CmdbTables.Computer ? 10 : 70);

    private string Name(int i)
    {
        var number = (i + 1).ToString("D7", CultureInfo.InvariantCulture);
        return ClassName(i) switch
        {
            _ when i % 50 == 7 && IsMac(i) => $"MacBook Air 13\" {number}",
            _ when i % 97 == 13 => $"Büro-PC {number}",
            CmdbTables.Computer => "WS-" + number,
            WindowsServer => "SRV-WIN-" + number,
            _ => "lnx-" + number,
        };
    }

    private string SerialNumber(int i)
    {
        var draw = Draws(i).Draw(Field.Serial);
        return IsVirtual(i)
            ? "VMware-42 " + (draw & 0xFFFF_FFFF_FFFFUL).ToString("x12", CultureInfo.InvariantCulture)
            : (draw & 0xFF_FFFF_FFFFUL).ToString("X10", CultureInfo.InvariantCulture);
    }

    private string LastLoggedOnUser(int i)
    {
        var draws = Draws(i);
        return draws.Chance(Field.HasUser, ClassName(i) == CmdbTables.Computer ? 85 : 40)
            ? SampleValues.UserNames[draws.Pick(Field.LastUser, SampleValues.UserNames.Length)]
            : string.Empty;
    }

    private string MostFrequentUser(int i)
    {
        var last = LastLoggedOnUser(i);
        var draws = Draws(i);
        return last.Length == 0 || draws.Pick(Field.SameUser, 10) < 7
            ? last
            : SampleValues.UserNames[draws.Pick(Field.FrequentUser, SampleValues.UserNames.Length)];
    }

    private string PrimaryApplication(int i)
    {
        var draws = Draws(i);
        return applications.Count > 0 && draws.Pick(Field.HasApplication, 10) < 6
            ? Tables.SysId.Format(applications.SysId(draws.Pick(Field.Application, applications.Count)))
            : string.Empty;
    }
}
