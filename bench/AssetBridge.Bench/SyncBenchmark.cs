using System.Diagnostics;
using System.Globalization;

namespace AssetBridge.Bench;

/// <summary>
/// For each CMDB size: the emulator in one child process, a plain download of the same pages, a full
/// sync in another child process (fresh data directory; peak RSS measured by the kernel), and a second
/// plain download. Reports records per second, peak memory and the sync / download time ratio.
/// </summary>
internal static class SyncBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var a = new BenchArgs(args);
        var sizes = (a.Get("--devices") ?? "100000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var adapters = a.Int("--adapters-per-device", 2);
        var apps = a.Int("--apps", 1000);

        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1e9)} GB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Console.WriteLine();
        Console.WriteLine("| devices | adapters | apps | records | download (s) | sync (s) | sync / download | records/s | peak RSS (MB) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var devices in sizes)
        {
            using var emulator = StartChild("serve", "--devices", devices.ToString(CultureInfo.InvariantCulture), "--adapters-per-device", adapters.ToString(CultureInfo.InvariantCulture), "--apps", apps.ToString(CultureInfo.InvariantCulture));
            var ready = await emulator.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The emulator exited before it was ready.");
            var instance = new Uri(ready["READY ".Length..]);

            var first = await PlainDownload.RunAsync(instance);
            var (syncSeconds, peak) = await RunSyncChildAsync(instance);
            var second = await PlainDownload.RunAsync(instance);
            var download = (first.Seconds + second.Seconds) / 2;

            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {devices:N0} | {devices * adapters:N0} | {apps:N0} | {first.Records:N0} | {download:F2} | {syncSeconds:F2} | {syncSeconds / download:F2}x | {first.Records / syncSeconds:N0} | {peak / 1048576.0:F0} |"));
            emulator.StandardInput.Close();
            await emulator.WaitForExitAsync();
        }

        return 0;
    }

    private static async Task<(double Seconds, long PeakBytes)> RunSyncChildAsync(Uri instance)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "assetbridge-bench", Guid.NewGuid().ToString("N"));
        try
        {
            using var child = StartChild("sync", "--instance", instance.ToString(), "--data-dir", dataDir);
            string? result = null;
            while (await child.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("RESULT ", StringComparison.Ordinal))
                {
                    result = line;
                }
            }

            await child.WaitForExitAsync();
            if (child.ExitCode != 0 || result is null)
            {
                throw new InvalidOperationException($"The sync child exited {child.ExitCode}: {await child.StandardError.ReadToEndAsync()}");
            }

            var parts = result.Split(' ');
            return (double.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture));
        }
        finally
        {
            if (Directory.Exists(dataDir))
            {
                Directory.Delete(dataDir, recursive: true);
            }
        }
    }

    private static Process StartChild(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = args[0] == "sync",
            UseShellExecute = false,
        };
        info.ArgumentList.Add(typeof(SyncBenchmark).Assembly.Location);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("Could not start a child process.");
    }
}
