using System.Globalization;
using AssetBridge.Core.Inventory;

namespace AssetBridge.Cli.Output;

/// <summary>Writes devices as RFC 4180 CSV; adapters and applications are joined with ';' in one cell each.</summary>
internal static class DeviceCsvWriter
{
    private static readonly string[] Header =
    [
        "connector", "sysId", "name", "os", "osVersion", "osServicePack", "cpuType", "category", "assetTag", "virtual",
        "serviceNowCriticality", "usedFor", "lastLoggedOnUser", "mostFrequentUser", "sysClassName", "uPrimaryBusinessApplication",
        "ipAddresses", "macAddresses", "businessApplications", "criticalityLevel", "criticalityReason", "deletedAt",
        "status", "cloudResourceId", "cloudVmId", "matchRule", "matchValue", "internetFacing", "publicIps",
    ];

    public static async Task<long> WriteAsync(TextWriter output, IAsyncEnumerable<InventoryEntry> entries, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync(string.Join(',', Header)).ConfigureAwait(false);
        long count = 0;
        await foreach (var entry in entries.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var d = entry.Device;
            string?[] cells =
            [
                entry.Connector, entry.HasCmdbRecord ? d.SysId : null, d.Name, d.Os, d.OsVersion, d.OsServicePack, d.CpuType, d.Category, d.AssetTag,
                d.Virtual is null ? null : d.Virtual.Value ? "true" : "false",
                d.ServiceNowCriticality, d.UsedFor, d.LastLoggedOnUser, d.MostFrequentUser, d.SysClassName, d.UPrimaryBusinessApplication,
                string.Join(';', entry.NetworkAdapters.Select(a => a.IpAddress).Where(v => !string.IsNullOrEmpty(v))),
                string.Join(';', entry.NetworkAdapters.Select(a => a.MacAddress).Where(v => !string.IsNullOrEmpty(v))),
                string.Join(';', entry.BusinessApplications.Select(a => a.Number ?? a.SysId)),
                entry.Criticality.Level?.ToString(CultureInfo.InvariantCulture),
                entry.Criticality.Reason,
                entry.DeletedAt?.ToString("O", CultureInfo.InvariantCulture),
                DeviceView.StatusName(entry.Status),
                entry.Cloud?.Vm.ResourceId,
                entry.Cloud?.Vm.VmId,
                entry.Match is { } m ? DeviceView.RuleName(m.Rule) : null,
                entry.Match?.Value,
                entry.Exposure.InternetFacing ? "true" : "false",
                string.Join(';', entry.Exposure.PublicIps),
            ];
            await output.WriteLineAsync(string.Join(',', cells.Select(Escape))).ConfigureAwait(false);
            count++;
        }

        return count;
    }

    internal static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        // A leading =, +, - or @ would run as a formula when the file is opened in a spreadsheet.
        if (value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
