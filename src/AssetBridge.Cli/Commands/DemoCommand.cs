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
using AssetBridge.Emulators.Azure;
using AssetBridge.Emulators.Estate;
using AssetBridge.Emulators.ServiceNow;
using AssetBridge.Connectors.Azure.Settings;
using AssetBridge.Core.Application;
using AssetBridge.Core.Inventory.Correlation;
using System.Security.Cryptography.X509Certificates;
using AssetBridge.Storage.Vault;

namespace AssetBridge.Cli.Commands;

/// <summary>
/// <c>demo</c>: starts a ServiceNow emulator and an Azure emulator in this process (their data overlap:
/// VMs the CMDB knows by VM id, resource id, MAC or name + IP, VMs it does not know, and CMDB records of
/// VMs Azure no longer has), points a connector at each, runs a full sync, changes and deletes records
/// at the source, runs an incremental and a full sync, syncs Azure, and shows the joined inventory by
/// criticality, status and exposure. It works in its own data directory, so a real inventory is never touched.
/// </summary>
internal static class DemoCommand
{
    private const string Marker = ".assetbridge-demo";
    private const string DeviceTable = "cmdb_ci_computer";

    public static Command Create(CliConsole console)
    {
        var devices = new Option<int>("--devices") { Description = "Devices in the emulated CMDB.", DefaultValueFactory = _ => 2000 };
        var subscriptions = new Option<int>("--subscriptions") { Description = "Subscriptions in the emulated Azure tenant.", DefaultValueFactory = _ => 3 };
        var vms = new Option<int>("--vms-per-subscription") { Description = "Virtual machines per subscription.", DefaultValueFactory = _ => 40 };
        var command = new Command("demo", "Run AssetBridge end to end against built-in ServiceNow and Azure emulators (own data directory: ./.assetbridge-demo).") { devices, subscriptions, vms };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var directory = Path.GetFullPath(parse.GetValue(GlobalOptions.DataDir) ?? ".assetbridge-demo", console.WorkingDirectory);
            PrepareDirectory(directory);
            var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var clientSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(30));
            var estate = EmulateCommand.GenerateEstate(new CloudEstateOptions { Seed = 42, Subscriptions = parse.GetValue(subscriptions), VmsPerSubscription = parse.GetValue(vms) });
            await using var emulator = await ServiceNowEmulator.StartAsync(
                new ServiceNowEmulatorOptions
                {
                    Devices = parse.GetValue(devices),
                    AdaptersPerDevice = 2,
                    Applications = Math.Max(5, parse.GetValue(devices) / 50),
                    Seed = 42,
                    Users = [new EmulatorUser("assetbridge_demo", password, ["cmdb_read"])],
                    CloudEstate = estate,
                },
                cancellationToken).ConfigureAwait(false);
            await using var azure = await AzureEmulator.StartAsync(
                new AzureEmulatorOptions
                {
                    CloudEstate = estate,
                    Principals = [new AzureEmulatorPrincipal(AzureEmulatorOptions.DefaultClientId, clientSecret)],
                },
                cancellationToken).ConfigureAwait(false);
            var o = console.Out;
            await o.WriteLineAsync($"ServiceNow emulator on {emulator.BaseAddress} with {emulator.Instance.Count(DeviceTable):N0} devices.").ConfigureAwait(false);
            await o.WriteLineAsync($"Azure emulator on {azure.BaseAddress} (Entra ID + Resource Manager over HTTPS) with {estate.Subscriptions.Count} subscriptions and {estate.Vms.Count:N0} VMs, some of them in the CMDB.").ConfigureAwait(false);

            MasterKeyFile.CreateIfMissing(directory);
            await using var host = await AppHost.OpenAsync(
                directory, console, create: true, parse.GetValue(GlobalOptions.Verbose), cancellationToken, new X509Certificate2Collection(azure.Certificate)).ConfigureAwait(false);
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

            var cloud = await AddAzureAsync(host, azure, clientSecret, cancellationToken).ConfigureAwait(false);
            await o.WriteLineAsync().ConfigureAwait(false);
            await o.WriteLineAsync($"4. Azure sync: Get Subscriptions proves the credential, then one ListNodes job per subscription").ConfigureAwait(false);
            var cloudRun = await SyncCommand.RunAsync(new CliSession(host.ControlPlane, host), console, cloud, SyncMode.Full, cancellationToken).ConfigureAwait(false);
            await RunSummary.WriteAsync(console, cloudRun).ConfigureAwait(false);

            await o.WriteLineAsync().ConfigureAwait(false);
            await WriteInventorySummaryAsync(host, console, cancellationToken).ConfigureAwait(false);
            await o.WriteLineAsync().ConfigureAwait(false);
            await WriteExposureAsync(host, console, cancellationToken).ConfigureAwait(false);
            await o.WriteLineAsync().ConfigureAwait(false);
            await o.WriteLineAsync($"Explore it: ./assetbridge devices --data-dir {directory} --min-criticality 0   (or --json, --csv; runs; exposure)").ConfigureAwait(false);
            var ok = full.State == RunState.Completed && incremental.State == RunState.Completed && second.State == RunState.Completed
                && cloudRun.State == RunState.Completed;
            return ok ? ExitCodes.Success : ExitCodes.For(ErrorKind.RunFailed);
        });
        return command;
    }

    /// <summary>The same two commands a user runs: credential add azure-sp, connector add azure (pointed at the emulator).</summary>
    private static async Task<Core.Connectors.Connector> AddAzureAsync(AppHost host, AzureEmulator azure, string clientSecret, CancellationToken cancellationToken)
    {
        var parts = AzureCredentialInput.ServicePrincipal(azure.TenantId, AzureEmulatorOptions.DefaultClientId, clientSecret, null, null);
        await host.Credentials.AddAsync("demo-azure", parts.Type, parts.Attributes, parts.Secret, cancellationToken).ConfigureAwait(false);
        var (target, settings) = AzureConnectorSettings.Describe([], azure.AuthorityHost.ToString(), azure.ArmEndpoint.ToString());
        return await host.Connectors.AddAsync("demo-azure", Core.Connectors.ConnectorKinds.Azure, target, "demo-azure", settings, cancellationToken).ConfigureAwait(false);
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
        var byStatus = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await foreach (var entry in host.Inventory.ReadAsync(new DeviceQuery(), null, cancellationToken).ConfigureAwait(false))
        {
            var status = DeviceView.StatusName(entry.Status) + (entry.Match is { } m ? $" (by {DeviceView.RuleName(m.Rule)})" : string.Empty);
            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
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
        await console.Out.WriteLineAsync("CMDB and Azure, joined").ConfigureAwait(false);
        TableOutput.Write(console, ["STATUS", "ENTRIES"], byStatus.Select(s => new[] { s.Key, s.Value.ToString("N0", CultureInfo.InvariantCulture) }));
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

    private static async Task WriteExposureAsync(AppHost host, CliConsole console, CancellationToken cancellationToken)
    {
        var ranked = await ExposureCommand.ReadRankedAsync(host.ControlPlane, null, cancellationToken).ConfigureAwait(false);
        await console.Out.WriteLineAsync("Exposure: internet-facing, most critical first (the first 10; all with 'exposure')").ConfigureAwait(false);
        ExposureCommand.WriteTable(console, ranked.Take(10).ToList());
        if (ranked.Count > 10)
        {
            await console.Out.WriteLineAsync($"... and {ranked.Count - 10:N0} more.").ConfigureAwait(false);
        }
    }
}
