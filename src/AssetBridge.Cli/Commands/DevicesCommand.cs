using System.CommandLine;
using System.Globalization;
using AssetBridge.Cli.Output;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Application;

namespace AssetBridge.Cli.Commands;

/// <summary><c>devices [--json|--csv] [--min-criticality N] [--include-deleted]</c>: the inventory, streamed.</summary>
internal static class DevicesCommand
{
    public static Command Create(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array of devices (streamed)." };
        var csv = new Option<bool>("--csv") { Description = "Print CSV." };
        var minCriticality = new Option<int?>("--min-criticality") { Description = "Only devices at this level or more critical: 0 very high, 1 high, 2 medium, 3 low." };
        var includeDeleted = new Option<bool>("--include-deleted") { Description = "Include devices a completed full sync marked deleted." };
        var connector = new Option<string?>("--connector") { Description = "Only entries of this connector (a ServiceNow connector's records, or an Azure connector's VMs)." };
        var command = new Command("devices", "List inventory devices with adapters, business applications and criticality.")
        {
            json, csv, minCriticality, includeDeleted, connector,
        };
        command.SetAction((parse, cancellationToken) => GlobalOptions.WithPlaneAsync(parse, console, cancellationToken, async session =>
        {
            if (parse.GetValue(json) && parse.GetValue(csv))
            {
                throw new AssetBridgeException(ErrorKind.Usage, "Choose one of --json and --csv.");
            }

            var filter = new DeviceFilter(parse.GetValue(connector), parse.GetValue(includeDeleted), parse.GetValue(minCriticality));
            var entries = await PrimedStream.PrimeAsync(session.Plane.ReadDevicesAsync(filter, cancellationToken), cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await DeviceJsonWriter.WriteAsync(console.Out, entries, cancellationToken).ConfigureAwait(false);
            }
            else if (parse.GetValue(csv))
            {
                await DeviceCsvWriter.WriteAsync(console.Out, entries, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await WriteTableAsync(console, entries, cancellationToken).ConfigureAwait(false);
            }

            return 0;
        }));
        return command;
    }

    /// <summary>A table is for reading on a screen; past this many rows, --json and --csv stream everything.</summary>
    private const int TableRowLimit = 500;

    private static async Task WriteTableAsync(CliConsole console, IAsyncEnumerable<InventoryEntry> entries, CancellationToken cancellationToken)
    {
        var rows = new List<string[]>();
        long total = 0;
        await foreach (var e in entries.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (++total > TableRowLimit)
            {
                continue;
            }

            rows.Add(
            [
                e.Device.Name ?? e.Device.SysId,
                DeviceView.StatusName(e.Status),
                e.Device.Os ?? string.Empty,
                string.Join(", ", IpAddresses(e)),
                string.Join(", ", e.BusinessApplications.Select(a => a.Number ?? a.SysId)),
                e.Criticality.Level is { } l ? $"{l.ToString(CultureInfo.InvariantCulture)} {CriticalityScale.Name(l)}" : "unknown",
                e.Criticality.Reason ?? string.Empty,
                e.DeletedAt is null ? string.Empty : "deleted",
            ]);
        }

        TableOutput.Write(console, ["DEVICE", "STATUS", "OS", "IP ADDRESSES", "APPLICATIONS", "CRITICALITY", "WHY", ""], rows);
        if (total > TableRowLimit)
        {
            await console.Out.WriteLineAsync($"Showing {TableRowLimit:N0} of {total:N0} devices; use --json or --csv for all, or --min-criticality to narrow.").ConfigureAwait(false);
        }
    }

    /// <summary>The CMDB's adapter addresses, or the VM's private addresses for a VM the CMDB does not know.</summary>
    internal static IEnumerable<string> IpAddresses(InventoryEntry e) =>
        e.HasCmdbRecord
            ? e.NetworkAdapters.Select(a => a.IpAddress).Where(ip => !string.IsNullOrEmpty(ip)).Select(ip => ip!)
            : e.Cloud?.Vm.PrivateIps ?? [];
}
