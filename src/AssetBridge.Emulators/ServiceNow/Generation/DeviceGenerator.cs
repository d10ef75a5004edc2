using System.Globalization;
using AssetBridge.Emulators.ServiceNow.Tables;

namespace AssetBridge.Emulators.ServiceNow.Generation;

/// <summary>
/// cmdb_ci_computer rows: workstations, Windows and Linux servers (by sys_class_name). Some fields
/// are empty on purpose (criticality, users, primary application), as in a real CMDB; a few names
/// carry quotes and non-ASCII letters to exercise JSON escaping.
/// </summary>
internal static class DeviceGenerator
{
    public static Row[] Generate(TableStore table, int count, IReadOnlyList<string> applicationIds, Random random, GenerationClock clock)
    {
        var schema = table.Schema;
        var c = new Columns(schema);
        var span = GenerationClock.SpanFor(count);
        var rows = new Row[count];
        for (var i = 0; i < count; i++)
        {
            var values = schema.EmptyValues();
            values[TableSchema.SysIdIndex] = SysIds.New(random);
            var kind = random.Next(100);
            var className = kind < 60 ? CmdbTables.Computer : kind < 85 ? "cmdb_ci_win_server" : "cmdb_ci_linux_server";
            var isServer = className != CmdbTables.Computer;
            var os = className switch
            {
                CmdbTables.Computer => SampleValues.DesktopOs[random.Next(SampleValues.DesktopOs.Length)],
                "cmdb_ci_win_server" => SampleValues.WindowsServerOs[random.Next(SampleValues.WindowsServerOs.Length)],
                _ => SampleValues.LinuxOs[random.Next(SampleValues.LinuxOs.Length)],
            };
            var isMac = os == "Mac OS X";
            var isVirtual = !isMac && random.Next(100) < (isServer ? 70 : 10);
            var name = Name(className, isMac, i);

            values[c.Name] = name;
            values[c.ClassName] = className;
            values[c.Os] = os;
            values[c.OsVersion] = SampleValues.OsVersion(os);
            values[c.OsServicePack] = os == "Windows 2016 Standard" && random.Next(4) == 0 ? "Service Pack 1" : string.Empty;
            values[c.CpuType] = SampleValues.CpuType(className, isMac);
            values[c.Category] = "Hardware";
            values[c.Manufacturer] = isVirtual ? "VMware, Inc." : isMac ? "Apple" : SampleValues.Manufacturers[random.Next(SampleValues.Manufacturers.Length)];
            values[c.AssetTag] = random.Next(10) == 0 ? string.Empty : "P" + (1_000_000 + i).ToString(CultureInfo.InvariantCulture);
            values[c.SerialNumber] = isVirtual
                ? "VMware-42 " + random.NextInt64(1L << 48).ToString("x12", CultureInfo.InvariantCulture)
                : random.NextInt64(1L << 40).ToString("X10", CultureInfo.InvariantCulture);
            values[c.Virtual] = isVirtual ? "true" : "false";
            values[c.BusinessCriticality] = random.Next(5) == 0 ? string.Empty : SampleValues.Criticalities[random.Next(4)];
            values[c.UsedFor] = SampleValues.UsedFor[random.Next(SampleValues.UsedFor.Length)];
            if (random.Next(100) < (isServer ? 40 : 85))
            {
                var lastUser = SampleValues.UserNames[random.Next(SampleValues.UserNames.Length)];
                values[c.LastLoggedOnUser] = lastUser;
                values[c.MostFrequentUser] = random.Next(10) < 7 ? lastUser : SampleValues.UserNames[random.Next(SampleValues.UserNames.Length)];
            }

            if (applicationIds.Count > 0 && random.Next(10) < 6)
            {
                values[c.PrimaryApplication] = applicationIds[random.Next(applicationIds.Count)];
            }

            values[c.HostName] = name.ToLowerInvariant();
            values[c.DnsDomain] = "corp.example.com";
            values[c.InstallStatus] = "1";
            values[c.OperationalStatus] = "1";
            values[c.CreatedBy] = "discovery";
            values[c.UpdatedBy] = random.Next(4) == 0 ? "admin" : "discovery";
            clock.Stamp(values, schema, random, span);
            rows[i] = new Row(table, values);
        }

        return rows;
    }

    private static string Name(string className, bool isMac, int index)
    {
        var number = (index + 1).ToString("D7", CultureInfo.InvariantCulture);
        return className switch
        {
            _ when isMac && index % 50 == 0 => $"MacBook Air 13\" {number}",
            _ when index % 97 == 0 => $"Büro-PC {number}",
            CmdbTables.Computer => "WS-" + number,
            "cmdb_ci_win_server" => "SRV-WIN-" + number,
            _ => "lnx-" + number,
        };
    }

    /// <summary>Column positions, looked up once rather than per row.</summary>
    private sealed class Columns(TableSchema schema)
    {
        public int Name { get; } = schema.IndexOf("name");
        public int ClassName { get; } = schema.IndexOf("sys_class_name");
        public int Os { get; } = schema.IndexOf("os");
        public int OsVersion { get; } = schema.IndexOf("os_version");
        public int OsServicePack { get; } = schema.IndexOf("os_service_pack");
        public int CpuType { get; } = schema.IndexOf("cpu_type");
        public int Category { get; } = schema.IndexOf("category");
        public int Manufacturer { get; } = schema.IndexOf("manufacturer");
        public int AssetTag { get; } = schema.IndexOf("asset_tag");
        public int SerialNumber { get; } = schema.IndexOf("serial_number");
        public int Virtual { get; } = schema.IndexOf("virtual");
        public int BusinessCriticality { get; } = schema.IndexOf("business_criticality");
        public int UsedFor { get; } = schema.IndexOf("used_for");
        public int LastLoggedOnUser { get; } = schema.IndexOf("u_last_logged_on_user");
        public int MostFrequentUser { get; } = schema.IndexOf("u_most_frequent_user");
        public int PrimaryApplication { get; } = schema.IndexOf("u_primary_business_application");
        public int HostName { get; } = schema.IndexOf("host_name");
        public int DnsDomain { get; } = schema.IndexOf("dns_domain");
        public int InstallStatus { get; } = schema.IndexOf("install_status");
        public int OperationalStatus { get; } = schema.IndexOf("operational_status");
        public int CreatedBy { get; } = schema.IndexOf("sys_created_by");
        public int UpdatedBy { get; } = schema.IndexOf("sys_updated_by");
    }
}
