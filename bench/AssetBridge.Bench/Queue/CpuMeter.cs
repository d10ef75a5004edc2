using System.Diagnostics;
using System.Globalization;

namespace AssetBridge.Bench.Queue;

/// <summary>
/// Where the CPU went during a phase, from /proc (Linux): the whole machine, this process (server and
/// agents), the PostgreSQL server's processes (children of its postmaster, when it runs on this machine),
/// the kernel's interrupt work (loopback networking lands there, charged to no process), and everything
/// else — which on a shared machine says how much of the result is someone else's load.
/// </summary>
internal sealed class CpuMeter
{
    // USER_HZ: the unit of /proc's CPU times; 100 on every Linux build .NET runs on.
    private const double TicksPerSecond = 100;

    private readonly int? _postmaster;
    private readonly long _start;
    private readonly (long Busy, long Interrupts, long Total) _machine;
    private readonly TimeSpan _process;
    private readonly long _postgres;

    private CpuMeter(int? postmaster)
    {
        _postmaster = postmaster;
        _start = Stopwatch.GetTimestamp();
        _machine = Machine();
        _process = Process.GetCurrentProcess().TotalProcessorTime;
        _postgres = Children(postmaster);
    }

    /// <param name="postmaster">The PostgreSQL server's postmaster process id on this machine, or null.</param>
    public static CpuMeter Start(int? postmaster) => new(postmaster);

    /// <summary>The postmaster of a live backend process (its parent), when that backend runs on this machine.</summary>
    public static int? PostmasterOf(int backend)
    {
        try
        {
            return File.Exists($"/proc/{backend}/stat") ? Stat(File.ReadAllText($"/proc/{backend}/stat")).Parent : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Shares of the machine's capacity over the phase (1.0 = every core busy the whole time).</summary>
    public CpuShares Stop()
    {
        var seconds = Stopwatch.GetElapsedTime(_start).TotalSeconds;
        var capacity = seconds * Environment.ProcessorCount;
        var (busy, interrupts, total) = Machine();
        var elapsed = (double)(total - _machine.Total);
        var machine = elapsed == 0 ? 0 : (busy - _machine.Busy) / elapsed;
        var kernel = elapsed == 0 ? 0 : (interrupts - _machine.Interrupts) / elapsed;
        var process = (Process.GetCurrentProcess().TotalProcessorTime - _process).TotalSeconds / capacity;
        double? postgres = _postmaster is null ? null : (Children(_postmaster) - _postgres) / TicksPerSecond / capacity;
        return new CpuShares(machine, process, postgres, kernel, Math.Max(0, machine - process - (postgres ?? 0) - kernel));
    }

    /// <summary>
    /// Waits (up to <paramref name="patience"/>) for a 3 s window in which the machine is at least 90 % idle,
    /// so a case does not start in the middle of someone else's build; returns whether it found one.
    /// </summary>
    public static async Task<bool> WaitForQuietAsync(TimeSpan patience)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < patience)
        {
            var (busy, _, total) = Machine();
            await Task.Delay(TimeSpan.FromSeconds(3)).ConfigureAwait(false);
            var (busyAfter, _, totalAfter) = Machine();
            if (totalAfter == total || (double)(busyAfter - busy) / (totalAfter - total) <= 0.10)
            {
                return true;
            }
        }

        return false;
    }

    private static (long Busy, long Interrupts, long Total) Machine()
    {
        if (!File.Exists("/proc/stat"))
        {
            return (0, 0, 0);
        }

        // cpu user nice system idle iowait irq softirq steal ...
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Sum();
        return (total - fields[3] - fields[4], fields[5] + fields[6], total);
    }

    private static long Children(int? parent)
    {
        if (parent is null)
        {
            return 0;
        }

        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out _))
            {
                continue;
            }

            try
            {
                var stat = Stat(File.ReadAllText(Path.Combine(directory, "stat")));
                if (stat.Parent == parent)
                {
                    ticks += stat.Ticks;
                }
            }
            catch (IOException)
            {
                // The process ended between listing and reading.
            }
        }

        return ticks;
    }

    /// <summary>Parent pid and utime + stime from a /proc/PID/stat line (the command name may hold spaces).</summary>
    private static (int Parent, long Ticks) Stat(string line)
    {
        var rest = line[(line.LastIndexOf(')') + 2)..].Split(' ');
        return (int.Parse(rest[1], CultureInfo.InvariantCulture), long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture));
    }
}

/// <summary>CPU used over a phase, as shares of the machine's capacity.</summary>
internal sealed record CpuShares(double Machine, double Process, double? Postgres, double Interrupts, double Other)
{
    /// <summary>"97 % (62 / 30 / 3 / 2)": the machine, then this process / PostgreSQL / interrupts / everything else, in percent of all cores.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Machine * 100:F0} % ({Process * 100:F0} / {(Postgres is { } p ? (p * 100).ToString("F0", CultureInfo.InvariantCulture) : "-")} / {Interrupts * 100:F0} / {Other * 100:F0})");
}
