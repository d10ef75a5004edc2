using System.Globalization;
using AssetBridge.Emulators.ServiceNow.Tables;

namespace AssetBridge.Emulators.ServiceNow.Generation;

/// <summary>
/// cmdb_ci_network_adapter: a fixed number per device (adapter i belongs to device i / perDevice),
/// each referencing its device through cmdb_ci. MAC addresses are lower-case with colons and unique
/// below 16.7 million adapters; IPv4 addresses are unique in 10.0.0.0/8; one adapter in twenty has
/// no address (disconnected).
/// </summary>
internal sealed class AdapterRows : IRowGenerator
{
    // Odd, so multiplying permutes the 24 low MAC bits: unique addresses that do not look sequential.
    private const int MacMultiplier = 0x5DEECD;

    private readonly ulong seed;
    private readonly int perDevice;
    private readonly int macSalt;
    private readonly DeviceRows devices;
    private readonly GenerationClock clock;
    private readonly ColumnValues columns;

    public AdapterRows(TableSchema schema, DeviceRows devices, int perDevice, int seed, DateTimeOffset generatedAt)
    {
        Count = devices.Count * perDevice;
        this.seed = RowDraws.TableSeed(seed, schema.Name);
        this.devices = devices;
        this.perDevice = perDevice;
        macSalt = (int)(this.seed & 0xFFFFFF);
        clock = new GenerationClock(generatedAt, Count);
        columns = new ColumnValues(schema, new Dictionary<string, Func<int, string>>
        {
            ["name"] = Name,
            ["sys_class_name"] = _ => CmdbTables.NetworkAdapter,
            ["cmdb_ci"] = i => Tables.SysId.Format(devices.SysId(i / perDevice)),
            ["mac_address"] = Mac,
            ["ip_address"] = i => IsDisconnected(i) ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"10.{Network(i) >> 8 & 255}.{Network(i) & 255}.{(i % 254) + 1}"),
            ["netmask"] = i => IsDisconnected(i) ? string.Empty : "255.255.255.0",
            ["ip_default_gateway"] = i => IsDisconnected(i) ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"10.{Network(i) >> 8 & 255}.{Network(i) & 255}.1"),
            ["dhcp_enabled"] = i => devices.ClassName(i / perDevice) == CmdbTables.Computer ? "true" : "false",
            ["install_status"] = _ => "1",
            ["sys_created_on"] = i => GlideDateTime.Format(clock.CreatedOn(Draws(i))),
        });
    }

    public int Count { get; }

    public UInt128 SysId(int ordinal) => Draws(ordinal).SysId();

    public long UpdatedOn(int ordinal) => clock.UpdatedOn(Draws(ordinal));

    public string Value(int ordinal, int column) => columns.Value(ordinal, column);

    private static int Network(int i) => i / 254;

    private RowDraws Draws(int ordinal) => new(seed, ordinal);

    private bool IsDisconnected(int i) => Draws(i).Pick(Field.Disconnected, 20) == 0;

    private string Name(int i)
    {
        var slot = i % perDevice;
        if (devices.ClassName(i / perDevice) == DeviceRows.LinuxServer)
        {
            return slot switch { 0 => "eth0", 1 => "eth1", _ => string.Create(CultureInfo.InvariantCulture, $"eth{slot}") };
        }

        return slot switch { 0 => "Ethernet", 1 => "Ethernet 2", _ => string.Create(CultureInfo.InvariantCulture, $"Ethernet {slot + 1}") };
    }

    private string Mac(int i)
    {
        var prefix = SampleValues.MacPrefix(devices.Manufacturer(i / perDevice));
        var low = unchecked((i * MacMultiplier) + macSalt) & 0xFFFFFF;
        return string.Create(17, (prefix, low), static (chars, state) =>
        {
            const string hex = "0123456789abcdef";
            state.prefix.CopyTo(chars);
            for (var octet = 0; octet < 3; octet++)
            {
                var b = (state.low >> (16 - (8 * octet))) & 0xFF;
                var at = 8 + (octet * 3);
                chars[at] = ':';
                chars[at + 1] = hex[b >> 4];
                chars[at + 2] = hex[b & 15];
            }
        });
    }
}
