using System.Globalization;
using System.Runtime.InteropServices;
using Npgsql;

namespace AssetBridge.Bench.Queue;

/// <summary>
/// <c>queue</c>: jobs per second through the job queue and dispatch latency, for each store and agent
/// count, on a fresh database per case. Prints Markdown tables (docs/benchmarks.md explains the method).
/// </summary>
internal static class QueueBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var settings = QueueBenchSettings.Parse(args);
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1e9)} GB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}{await PostgresVersionAsync(settings).ConfigureAwait(false)}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Jobs: {settings.Jobs:N0} no-op jobs in runs of {settings.JobsPerRun}; agents run {settings.AgentConcurrency} jobs at once; {settings.Probes} latency probes (runs) per mode."));

        if (settings.ThroughAgentApi)
        {
            Console.WriteLine();
            Console.WriteLine("Through the agent API (server + remote agents over HTTPS):");
            Console.WriteLine();
            Console.WriteLine("| store | agents | jobs/s | dispatch p50 (tick) | p99 (tick) | dispatch p50 (pulsed) | p99 (pulsed) | CPU busy (bench / PostgreSQL / interrupts / other) |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var kind in settings.Stores)
            {
                foreach (var agents in settings.Agents)
                {
                    var result = await CleanestAsync(settings, async () =>
                    {
                        await using var database = await BenchDatabase.CreateAsync(kind).ConfigureAwait(false);
                        return await AgentApiCase.RunAsync(database, settings, agents).ConfigureAwait(false);
                    }, r => r.Cpu).ConfigureAwait(false);
                    if (result.MaxAttempts != 1 || result.Duplicates != 0)
                    {
                        throw new InvalidOperationException($"{kind}, {agents} agents: a job was dispatched more than once (max attempts {result.MaxAttempts}, {result.Duplicates} repeated starts).");
                    }

                    Console.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"| {result.Store} | {result.Agents} | {result.JobsPerSecond:N0} | {Ms(Percentile.Of(result.OnTick, 50))} | {Ms(Percentile.Of(result.OnTick, 99))} | {Ms(Percentile.Of(result.Pulsed, 50))} | {Ms(Percentile.Of(result.Pulsed, 99))} | {result.Cpu} |"));
                }
            }
        }

        if (settings.AgainstStore)
        {
            Console.WriteLine();
            Console.WriteLine("Against the store's queue alone (claim → complete in-process, no HTTP, no dispatcher):");
            Console.WriteLine();
            Console.WriteLine("| store | claimers | jobs/s | CPU busy (bench / PostgreSQL / interrupts / other) |");
            Console.WriteLine("|---|---:|---:|---:|");
            foreach (var kind in settings.Stores)
            {
                foreach (var claimers in settings.Agents.Select(a => a * settings.AgentConcurrency))
                {
                    var result = await CleanestAsync(settings, async () =>
                    {
                        await using var database = await BenchDatabase.CreateAsync(kind).ConfigureAwait(false);
                        return await StoreQueueCase.RunAsync(database, settings, claimers).ConfigureAwait(false);
                    }, r => r.Cpu).ConfigureAwait(false);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {result.Store} | {result.Claimers} | {result.JobsPerSecond:N0} | {result.Cpu} |"));
                }
            }
        }

        return 0;
    }

    /// <summary>
    /// Runs a case once the machine is quiet; when other processes still took more than
    /// <see cref="QueueBenchSettings.OtherLoadLimit"/> of it meanwhile, runs it again (up to
    /// <see cref="QueueBenchSettings.Attempts"/> times) and keeps the attempt least disturbed. The CPU
    /// column shows what the kept attempt shared the machine with.
    /// </summary>
    private static async Task<T> CleanestAsync<T>(QueueBenchSettings settings, Func<Task<T>> run, Func<T, CpuShares> cpu)
    {
        T? best = default;
        for (var attempt = 1; attempt <= settings.Attempts; attempt++)
        {
            if (!await CpuMeter.WaitForQuietAsync(TimeSpan.FromMinutes(2)).ConfigureAwait(false))
            {
                await Console.Error.WriteLineAsync("The machine did not go quiet within 2 minutes; measuring anyway.").ConfigureAwait(false);
            }

            var result = await run().ConfigureAwait(false);
            await Console.Error.WriteLineAsync($"  attempt {attempt}: CPU {cpu(result)}").ConfigureAwait(false);
            if (best is null || cpu(result).Other < cpu(best).Other)
            {
                best = result;
            }

            if (cpu(best).Other <= QueueBenchSettings.OtherLoadLimit)
            {
                break;
            }
        }

        return best!;
    }

    private static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString(value.TotalMilliseconds < 10 ? "F1" : "F0", CultureInfo.InvariantCulture) + " ms";

    private static async Task<string> PostgresVersionAsync(QueueBenchSettings settings)
    {
        if (!settings.Stores.Contains("postgres") || Environment.GetEnvironmentVariable(BenchDatabase.PostgresVariable) is not { Length: > 0 } admin)
        {
            return string.Empty;
        }

        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Pooling = false }.ConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SHOW server_version", connection);
        return $", PostgreSQL {await command.ExecuteScalarAsync().ConfigureAwait(false)}";
    }
}
