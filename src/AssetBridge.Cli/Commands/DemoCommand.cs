using AssetBridge.Server.Composition;
using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using AssetBridge.Cli.Hosting;
using AssetBridge.Cli.Output;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Runs;
using AssetBridge.Core.Storage;
using AssetBridge.Emulators.ServiceNow;
using AssetBridge.Storage.Vault;

namespace AssetBridge.Cli.Commands;

/// <summary>
/// <c>demo</c>: starts a ServiceNow emulator in this process, points a connector at it, runs a full
/// sync, changes and deletes records at the source, runs an incremental and a full sync, and shows the
/// inventory by criticality. It works in its own data directory, so a real inventory is never touched.
/// </summary>
internal static class DemoCommand
{
    private const string Marker = ".assetbridge-demo";
    private const string DeviceTable = "cmdb_ci_computer";

    public static Command Create(CliConsole console)
    {
        var devices = new Option<int>("--devices") { Description = "Devices in the emulated CMDB.", DefaultValueFactory = _ => 2000 };
        var command = new Command("demo", "Run AssetBridge end to end against a built-in ServiceNow emulator (own data directory: ./.assetbridge-demo).") { devices };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var directory = Path.GetFullPath(parse.GetValue(GlobalOptions.DataDir) ?? ".assetbridge-demo", console.WorkingDirectory);
            PrepareDirectory(directory);
            var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            await using var emulator = await ServiceNowEmulator.StartAsync(
                new ServiceNowEmulatorOptions
                {
                    Devices = parse.GetValue(devices),
                    AdaptersPerDevice = 2,
                    Applications = Math.Max(5, parse.GetValue(devices) / 50),
                    Seed = 42,
                    Users = [new EmulatorUser("assetbridge_demo", password, ["cmdb_read"])],
                },
                cancellationToken).ConfigureAwait(false);
            var o = console.Out;
            await o.WriteLineAsync($"ServiceNow emulator on {emulator.BaseAddress} with {emulator.Instance.Count(DeviceTable):N0} devices.").ConfigureAwait(false);

            MasterKeyFile.CreateIfMissing(directory);
            await using var host = await AppHost.OpenAsync(directory, console, create: true, parse.GetValue(GlobalOptions.Verbose), cancellationToken).ConfigureAwait(false);
            await host.Credentials.AddAsync(
                "demo",
                CredentialTypes.ServiceNowBasic,
                new Dictionary<string, string> { [CredentialTypes.Username] = "assetbridge_demo" },
                new CredentialSecret(new Dictionary<string, string> { [CredentialTypes.Password] = password }),
                cancellationToken).ConfigureAwait(false);
            var (target, settings) = ConnectorModules.DescribeServiceNow(emulator.BaseAddress.ToString(), null, [], null, null);
            var connector = await host.Connectors.AddAsync("demo", Core.Connectors.ConnectorKinds.ServiceNow, target, "demo", settings, cancellationToken).ConfigureAwait(false);

            await o.WriteLineAsync().ConfigureAwait(false);
            await o.WriteLineAsync("1. Full sync").ConfigureAwait(false);
            var full = await SyncCommand.RunAsync(new CliSession(host.ControlPlane, host), console, connector, SyncMode.Full, cancellationToken).ConfigureAwait(false);
            await RunSummary.WriteAsync(console, full).ConfigureAwait(false);

            var (changed, deleted) = ChangeSource(emulator, host.Time);
            await o.WriteLineAsync().ConfigureAwait(false);
            await o.WriteLineAsync($"2. At the source, {changed} devices became '1 - most critical' and {deleted} were deleted; incremental sync").ConfigureAwait(false);
            var incremental = await SyncCommand.RunAsync(new CliSession(host.ControlPlane, host), console, connector, SyncMode.Incremental, cancellationToken).ConfigureAwait(false);
            await RunSummary.WriteAsync(console, incremental).ConfigureAwait(false);

            await o.WriteLineAsync().ConfigureAwait(false);
            await o.WriteLineAsync("3. Full sync (the only kind that may mark deletions, and only when it completes)").ConfigureAwait(false);
            var second = await SyncCommand.RunAsync(new CliSession(host.ControlPlane, host), console, connector, SyncMode.Full, cancellationToken).ConfigureAwait(false);
            await RunSummary.WriteAsync(console, second).ConfigureAwait(false);

            await o.WriteLineAsync().ConfigureAwait(false);
            await WriteInventorySummaryAsync(host, console, cancellationToken).ConfigureAwait(false);
            await o.WriteLineAsync().ConfigureAwait(false);
            await o.WriteLineAsync($"Explore it: ./assetbridge devices --data-dir {directory} --min-criticality 0   (or --json, --csv; runs)").ConfigureAwait(false);
            var ok = full.State == RunState.Completed && incremental.State == RunState.Completed && second.State == RunState.Completed;
            return ok ? ExitCodes.Success : ExitCodes.For(ErrorKind.RunFailed);
        });
        return command;
    }

    /// <summary>Uses a fresh directory: an earlier demo's is replaced; anything else that is not empty is refused.</summary>
    private static void PrepareDirectory(string directory)
    {
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            if (!File.Exists(Path.Combine(directory, Marker)))
            {
                throw new AssetBridgeException(ErrorKind.Usage, $"{directory} is not empty and is not a demo directory; the demo needs its own, so pass --data-dir with a new path.");
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, Marker), "Created by 'assetbridge demo'; the next demo replaces this directory.\n");
    }

    private static (int Changed, int Deleted) ChangeSource(ServiceNowEmulator emulator, TimeProvider time)
    {
        var ids = emulator.Instance.SysIds(DeviceTable).ToList();
        var changed = ids.Where((_, i) => i % 97 == 3).Take(25).ToList();
        var deleted = ids.Where((_, i) => i % 89 == 5).Take(10).Except(changed).ToList();
        var now = time.GetUtcNow();
        foreach (var sysId in changed)
        {
            emulator.Instance.Update(DeviceTable, sysId, new Dictionary<string, string?> { ["business_criticality"] = "1 - most critical" }, now);
        }

        foreach (var sysId in deleted)
        {
            emulator.Instance.Delete(DeviceTable, sysId);
        }

        return (changed.Count, deleted.Count);
    }

    private static async Task WriteInventorySummaryAsync(AppHost host, CliConsole console, CancellationToken cancellationToken)
    {
        var byLevel = new long[5];
        var top = new List<InventoryEntry>();
        await foreach (var entry in host.Inventory.ReadAsync(new DeviceQuery(), null, cancellationToken).ConfigureAwait(false))
        {
            byLevel[entry.Criticality.Level ?? 4]++;
            if (entry.Criticality.Level == CriticalityScale.VeryHigh && top.Count < 8)
            {
                top.Add(entry);
            }
        }

        await console.Out.WriteLineAsync("Inventory by criticality").ConfigureAwait(false);
        TableOutput.Write(
            console,
            ["LEVEL", "DEVICES"],
            Enumerable.Range(0, 5).Select(l => new[]
            {
                l < 4 ? $"{l} {CriticalityScale.Name(l)}" : "unknown",
                byLevel[l].ToString("N0", CultureInfo.InvariantCulture),
            }));
        await console.Out.WriteLineAsync("Most critical devices, and why").ConfigureAwait(false);
        TableOutput.Write(
            console,
            ["DEVICE", "IP ADDRESSES", "WHY"],
            top.Select(e => new[]
            {
                e.Device.Name ?? e.Device.SysId,
                string.Join(", ", e.NetworkAdapters.Select(a => a.IpAddress).Where(ip => !string.IsNullOrEmpty(ip))),
                e.Criticality.Reason ?? string.Empty,
            }));
    }
}
