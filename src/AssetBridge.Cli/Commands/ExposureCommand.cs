using System.CommandLine;
using System.Globalization;
using AssetBridge.Cli.Output;
using AssetBridge.Core.Application;
using AssetBridge.Core.Inventory;

namespace AssetBridge.Cli.Commands;

/// <summary>
/// <c>exposure [--json] [--connector C]</c>: the entries reachable from the internet, most critical
/// first — what to look at first when an exploit is in the news.
/// </summary>
internal static class ExposureCommand
{
    public static Command Create(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array, in the same shape as devices --json." };
        var connector = new Option<string?>("--connector") { Description = "Only entries of this connector." };
        var command = new Command("exposure", "List internet-facing devices and VMs (a public IP), most critical first.") { json, connector };
        command.SetAction((parse, cancellationToken) => GlobalOptions.WithPlaneAsync(parse, console, cancellationToken, async session =>
        {
            var ranked = await ReadRankedAsync(session.Plane, parse.GetValue(connector), cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await DeviceJsonWriter.WriteAsync(console.Out, ranked.ToAsyncEnumerable(), cancellationToken).ConfigureAwait(false);
                return 0;
            }

            WriteTable(console, ranked);
            await console.Out.WriteLineAsync(ranked.Count == 1 ? "1 internet-facing entry." : $"{ranked.Count:N0} internet-facing entries.").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    /// <summary>The internet-facing entries (of one connector, or all), ranked by <see cref="Rank"/>.</summary>
    internal static async Task<IReadOnlyList<InventoryEntry>> ReadRankedAsync(IControlPlane plane, string? connector, CancellationToken cancellationToken)
    {
        var entries = new List<InventoryEntry>();
        await foreach (var entry in plane.ReadDevicesAsync(new DeviceFilter(connector) { InternetFacingOnly = true }, cancellationToken).ConfigureAwait(false))
        {
            entries.Add(entry);
        }

        return Rank(entries);
    }

    /// <summary>Most critical first; unknown criticality after every known level; then by name, for a stable order.</summary>
    internal static IReadOnlyList<InventoryEntry> Rank(IEnumerable<InventoryEntry> entries) =>
        entries
            .OrderBy(e => e.Criticality.Level ?? int.MaxValue)
            .ThenBy(e => e.Device.Name ?? e.Cloud?.Vm.Name ?? string.Empty, StringComparer.OrdinalIgnoreCase)
            .ThenBy(e => e.Cloud?.Vm.ResourceId ?? e.Device.SysId, StringComparer.Ordinal)
            .ToList();

    internal static void WriteTable(CliConsole console, IReadOnlyList<InventoryEntry> ranked)
    {
        var rows = ranked.Select(e => new[]
        {
            e.Device.Name ?? e.Cloud?.Vm.Name ?? e.Device.SysId,
            DeviceView.StatusName(e.Status),
            string.Join(", ", e.Exposure.PublicIps),
            e.Criticality.Level is { } l ? $"{l.ToString(CultureInfo.InvariantCulture)} {CriticalityScale.Name(l)}" : "unknown",
            e.Criticality.Reason ?? string.Empty,
        }).ToList();
        TableOutput.Write(console, ["DEVICE", "STATUS", "PUBLIC IPS", "CRITICALITY", "WHY"], rows);
    }
}
