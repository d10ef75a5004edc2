using System.Diagnostics;
using System.Globalization;
using AssetBridge.Cli;
using AssetBridge.Emulators.Azure;
using AssetBridge.Emulators.Estate;
using AssetBridge.Server.Composition;

namespace AssetBridge.Bench.Azure;

/// <summary>
/// <c>bench azure</c>: a full Azure sync of S subscriptions × V VMs through the real CLI path (planner,
/// queue, embedded agent, Azure.Identity, ARM client, SQLite) against the emulator's ARM throttle, in a
/// separate process. Reports the time against the least the throttle allows and the 429s received.
/// </summary>
internal static class AzureThrottleBenchmark
{
    public static AzureEmulatorOptions EmulatorOptions(BenchArgs a) => new()
    {
        Estate = EstateOptions(a),
        PageSize = a.Int("--page-size", 100),
        IrregularPages = false,
        ReadBucketSize = a.Int("--bucket", 250),
        ReadRefillPerSecond = a.Int("--refill", 25),
        Principals = [new AzureEmulatorPrincipal(AzureEmulatorOptions.DefaultClientId, AzureEmulatorRole.Secret)],
    };

    public static async Task<int> RunAsync(string[] args)
    {
        var a = new BenchArgs(args);
        var options = EmulatorOptions(a);
        var concurrency = a.Int("--concurrency", 50);
        var minimum = ThrottleMinimum(options);
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1e9)} GB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Estate: {options.Estate.Subscriptions} subscriptions x {options.Estate.VmsPerSubscription} VMs; page size {options.PageSize}; bucket {options.ReadBucketSize} reads, refill {options.ReadRefillPerSecond}/s per subscription; agent concurrency {concurrency}."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ARM reads per subscription: {minimum.ReadsPerSubscription} (max); the throttle allows no less than {minimum.Seconds:F1} s."));

        var root = Path.Combine(Path.GetTempPath(), "assetbridge-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var pem = Path.Combine(root, "azure.pem");
        using var emulator = StartChild(["serve-azure", .. args, "--certificate-out", pem]);
        try
        {
            var ready = await emulator.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The emulator did not start.");
            var parts = ready.Split(' ');
            var address = parts[1];
            var tenant = parts[2];

            var environment = new Dictionary<string, string?>
            {
                ["BENCH_SECRET"] = AzureEmulatorRole.Secret,
                [ConnectorModules.ExtraCaFileVariable] = pem,
            };
            var console = new CliConsole(new StringReader(string.Empty), TextWriter.Null, Console.Error, environment.GetValueOrDefault, true, false, root);
            var data = Path.Combine(root, "data");
            async Task Run(params string[] command)
            {
                var code = await CliApplication.RunAsync([.. command, "--data-dir", data], console);
                if (code != 0)
                {
                    throw new InvalidOperationException($"'{string.Join(' ', command)}' exited {code}.");
                }
            }

            await Run("init");
            await Run("credential", "add", "azure-sp", "--name", "bench", "--tenant-id", tenant, "--client-id", AzureEmulatorOptions.DefaultClientId, "--client-secret-env", "BENCH_SECRET");
            await Run("connector", "add", "azure", "--name", "bench", "--credential", "bench", "--authority-host", address, "--arm-endpoint", address);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await Run("sync", "bench", "--concurrency", concurrency.ToString(CultureInfo.InvariantCulture));
            clock.Stop();
            var syncCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;

            emulator.StandardInput.Close();
            var stats = (await emulator.StandardOutput.ReadLineAsync() ?? "STATS ? ? ? ?").Split(' ');
            await emulator.WaitForExitAsync();
            var seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CPU: the sync {syncCpu:F1} s, the emulator {stats[4]} s (its whole life, data generation included)."));
            Console.WriteLine();
            Console.WriteLine("| subscriptions × VMs | ARM requests | 429s | sync | throttle minimum | ratio |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {options.Estate.Subscriptions} × {options.Estate.VmsPerSubscription:N0} | {stats[1]} | {stats[2]} | {seconds:F1} s | {minimum.Seconds:F1} s | {(minimum.Seconds > 0 ? (seconds / minimum.Seconds).ToString("F2", CultureInfo.InvariantCulture) + "x" : "— (the throttle is never reached)")} |"));
            return 0;
        }
        finally
        {
            if (!emulator.HasExited)
            {
                emulator.Kill(entireProcessTree: true);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static CloudEstateOptions EstateOptions(BenchArgs a) => new()
    {
        Seed = 1,
        Subscriptions = a.Int("--subscriptions", 50),
        VmsPerSubscription = a.Int("--vms", 2000),
    };

    /// <summary>
    /// The least time ARM's throttle allows for one complete listing: each subscription's bucket starts
    /// full, so a subscription needing R reads waits for (R − bucket) / refill seconds, and subscriptions
    /// have their own buckets, so with every subscription in flight at once the slowest one decides.
    /// Reads per subscription: VMs and their power states (two listings), network interfaces and public
    /// IP addresses, one page per PageSize items.
    /// </summary>
    private static (double Seconds, int ReadsPerSubscription) ThrottleMinimum(AzureEmulatorOptions options)
    {
        var estate = CloudEstate.Generate(options.Estate);
        var worst = 0;
        foreach (var subscription in estate.Vms.GroupBy(v => v.SubscriptionId))
        {
            int Pages(int items) => Math.Max(1, (items + options.PageSize - 1) / options.PageSize);
            var vms = subscription.Count();
            var nics = subscription.Sum(v => v.Nics.Count);
            var publicIps = subscription.Sum(v => v.Nics.Count(n => n.PublicIpId is not null));
            worst = Math.Max(worst, (2 * Pages(vms)) + Pages(nics) + Pages(publicIps));
        }

        return (Math.Max(0, worst - options.ReadBucketSize) / options.ReadRefillPerSecond, worst);
    }

    private static Process StartChild(string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(typeof(AzureThrottleBenchmark).Assembly.Location);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("Could not start a child process.");
    }
}
