using System.Globalization;
using AssetBridge.Emulators.Azure;

namespace AssetBridge.Bench.Azure;

/// <summary>
/// Child process: the Azure emulator with ARM's throttle (token bucket per principal and subscription),
/// regular pages, and the estate of the given size. Prints READY with its address, tenant and the PEM
/// path; when the orchestrator closes stdin, prints STATS (requests, 429s, token requests, its CPU seconds) and exits.
/// </summary>
internal static class AzureEmulatorRole
{
    public const string Secret = "bench8Q~azure-client-secret-value";

    public static async Task<int> RunAsync(string[] args)
    {
        var a = new BenchArgs(args);
        var options = AzureThrottleBenchmark.EmulatorOptions(a);
        await using var emulator = await AzureEmulator.StartAsync(options);
        var pem = a.Require("--certificate-out");
        await File.WriteAllTextAsync(pem, emulator.CertificatePem);
        Console.WriteLine($"READY {emulator.BaseAddress} {emulator.TenantId}");
        Console.Out.Flush();

        await Console.In.ReadToEndAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"STATS {emulator.Stats.Requests} {emulator.Stats.Throttled} {emulator.Stats.TokenRequests} {System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1}"));
        return 0;
    }
}
