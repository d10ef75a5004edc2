using System.Diagnostics;
using System.Globalization;
using AssetBridge.Cli;

namespace AssetBridge.Bench;

/// <summary>
/// Child process: a fresh data directory, then one full sync through the real CLI code path
/// (planner, queue, embedded agent, Table API client, SQLite ingester). Prints elapsed seconds and the
/// process's peak resident memory (VmHWM).
/// </summary>
internal static class SyncRole
{
    public static async Task<int> RunAsync(string[] args)
    {
        var a = new BenchArgs(args);
        var instance = a.Require("--instance");
        var dataDir = a.Require("--data-dir");
        var environment = new Dictionary<string, string?> { ["BENCH_PASSWORD"] = EmulatorRole.Password };
        var console = new CliConsole(
            new StringReader(string.Empty),
            TextWriter.Null,
            Console.Error,
            name => environment.GetValueOrDefault(name),
            IsInputRedirected: true,
            IsOutputTerminal: false,
            Directory.GetCurrentDirectory());

        async Task Run(params string[] command)
        {
            var code = await CliApplication.RunAsync([.. command, "--data-dir", dataDir], console);
            if (code != 0)
            {
                throw new InvalidOperationException($"'{string.Join(' ', command)}' exited {code}.");
            }
        }

        await Run("init");
        await Run("credential", "add", "servicenow-basic", "--name", "bench", "--username", EmulatorRole.User, "--password-env", "BENCH_PASSWORD");
        await Run("connector", "add", "servicenow", "--name", "bench", "--instance", instance, "--credential", "bench");

        var clock = Stopwatch.StartNew();
        await Run("sync", "bench", "--full");
        clock.Stop();

        var peak = PeakResidentBytes();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {clock.Elapsed.TotalSeconds:F3} {peak}"));
        return 0;
    }

    /// <summary>VmHWM from /proc (the kernel's own peak RSS), falling back to the runtime's figure.</summary>
    private static long PeakResidentBytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null)
            {
                var kb = long.Parse(line["VmHWM:".Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
                return kb * 1024;
            }
        }

        return Process.GetCurrentProcess().PeakWorkingSet64;
    }
}
