using System.Globalization;
using AssetBridge.Emulators.ServiceNow.Tables;

namespace AssetBridge.Emulators.ServiceNow.Generation;

/// <summary>
/// cmdb_ci_network_adapter rows, a fixed number per device, each referencing its device through
/// cmdb_ci. MAC addresses are unique (below 16.7 million adapters) and lower-case with colons;
/// IPv4 addresses are unique in 10.0.0.0/8; a few adapters have no address (disconnected).
/// </summary>
internal static class AdapterGenerator
{
    // Odd, so multiplying permutes the 24 low MAC bits: unique addresses that do not look sequential.
    private const int MacMultiplier = 0x5DEECD;

    public static Row[] Generate(TableStore table, IReadOnlyList<Row> devices, int perDevice, Random random, GenerationClock clock)
    {
        var schema = table.Schema;
        var deviceSchema = devices.Count > 0 ? devices[0].Table.Schema : null;
        var (deviceClass, deviceManufacturer) = deviceSchema is null ? (0, 0) : (deviceSchema.IndexOf("sys_class_name"), deviceSchema.IndexOf("manufacturer"));
        int name = schema.IndexOf("name"), className = schema.IndexOf("sys_class_name"), device = schema.IndexOf("cmdb_ci");
        int mac = schema.IndexOf("mac_address"), ip = schema.IndexOf("ip_address"), netmask = schema.IndexOf("netmask");
        int gateway = schema.IndexOf("ip_default_gateway"), dhcp = schema.IndexOf("dhcp_enabled"), installStatus = schema.IndexOf("install_status");
        var gateways = new Dictionary<int, string>();
        var names = new Dictionary<(bool Linux, int Slot), string>();
        var rows = new Row[devices.Count * perDevice];
        var span = GenerationClock.SpanFor(rows.Length);
        var macSalt = random.Next(1 << 24);
        var ordinal = 0;
        foreach (var owner in devices)
        {
            var ownerClass = owner.Get(deviceClass);
            var isLinux = ownerClass == "cmdb_ci_linux_server";
            var macPrefix = SampleValues.MacPrefix(owner.Get(deviceManufacturer));
            for (var slot = 0; slot < perDevice; slot++, ordinal++)
            {
                var values = schema.EmptyValues();
                values[TableSchema.SysIdIndex] = SysIds.New(random);
                values[name] = AdapterName(names, isLinux, slot);
                values[className] = CmdbTables.NetworkAdapter;
                values[device] = owner.SysId;
                values[mac] = Mac(macPrefix, unchecked((ordinal * MacMultiplier) + macSalt));
                if (random.Next(20) != 0)
                {
                    var network = ordinal / 254;
                    values[ip] = string.Create(CultureInfo.InvariantCulture, $"10.{(network >> 8) & 255}.{network & 255}.{(ordinal % 254) + 1}");
                    values[netmask] = "255.255.255.0";
                    values[gateway] = Gateway(gateways, network);
                }

                values[dhcp] = ownerClass == CmdbTables.Computer ? "true" : "false";
                values[installStatus] = "1";
                clock.Stamp(values, schema, random, span);
                rows[ordinal] = new Row(table, values);
            }
        }

        return rows;
    }

    private static string AdapterName(Dictionary<(bool Linux, int Slot), string> names, bool isLinux, int slot)
    {
        if (!names.TryGetValue((isLinux, slot), out var text))
        {
            text = isLinux ? $"eth{slot}" : slot == 0 ? "Ethernet" : $"Ethernet {slot + 1}";
            names.Add((isLinux, slot), text);
        }

        return text;
    }

    private static string Gateway(Dictionary<int, string> gateways, int network)
    {
        if (!gateways.TryGetValue(network, out var text))
        {
            text = string.Create(CultureInfo.InvariantCulture, $"10.{(network >> 8) & 255}.{network & 255}.1");
            gateways.Add(network, text);
        }

        return text;
    }

    private static string Mac(string prefix, int low) => string.Create(17, (prefix, low & 0xFFFFFF), static (chars, state) =>
    {
        state.prefix.CopyTo(chars);
        const string hex = "0123456789abcdef";
        for (var octet = 0; octet < 3; octet++)
        {
            var b = (state.Item2 >> (16 - (8 * octet))) & 0xFF;
            var at = 8 + (octet * 3);
            chars[at] = ':';
            chars[at + 1] = hex[b >> 4];
            chars[at + 2] = hex[b & 15];
        }
    });
}
