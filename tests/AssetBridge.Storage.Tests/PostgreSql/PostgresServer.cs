using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace AssetBridge.Storage.Tests.PostgreSql;

/// <summary>
/// The PostgreSQL server the tests use: the one named by ASSETBRIDGE_TEST_POSTGRES, or else a throwaway
/// cluster started once per test run (initdb in a temp dir, loopback only, a free port) and removed when
/// the test process exits. Each test gets a database of its own on it.
/// </summary>
internal static class PostgresServer
{
    public const string ConnectionVariable = "ASSETBRIDGE_TEST_POSTGRES";
    public const string RequireVariable = "ASSETBRIDGE_REQUIRE_POSTGRES";

    private static readonly Lazy<Task<string>> Admin = new(StartAsync);

    /// <summary>
    /// Why the PostgreSQL tests are skipped, or null when they run. Decided at discovery time without
    /// starting anything; when PostgreSQL is required, never skipped, so an unavailable server fails.
    /// </summary>
    public static string? SkipReason { get; } = DecideSkip();

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = await Admin.Value.ConfigureAwait(false);
        var name = "assetbridge_test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(admin, $"CREATE DATABASE {name}").ConfigureAwait(false);
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database <see cref="CreateDatabaseAsync"/> made, closing whatever still uses it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(await Admin.Value.ConfigureAwait(false), $"DROP DATABASE IF EXISTS {name} WITH (FORCE)").ConfigureAwait(false);
    }

    private static string? DecideSkip()
    {
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1"
            || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ConnectionVariable))
            || FindBinDirectory() is not null)
        {
            return null;
        }

        return $"PostgreSQL is not available: set {ConnectionVariable} to a connection string, or install PostgreSQL (pg_config, initdb, pg_ctl) so the tests can start a throwaway server.";
    }

    private static async Task<string> StartAsync()
    {
        var given = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given;
        }

        var bin = FindBinDirectory() ?? throw new InvalidOperationException(
            $"PostgreSQL is required ({RequireVariable}=1) but neither {ConnectionVariable} is set nor are pg_config, initdb and pg_ctl installed.");
        var cluster = await ThrowawayCluster.StartAsync(bin).ConfigureAwait(false);
        cluster.RemoveWhenThisProcessExits();
        return cluster.ConnectionString;
    }

    private static string? FindBinDirectory()
    {
        try
        {
            var bin = ThrowawayCluster.Run("pg_config", ["--bindir"]).Trim();
            return File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")) ? bin : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>A cluster in a temp dir, run as an unprivileged user when the tests run as root (initdb refuses root).</summary>
    private sealed class ThrowawayCluster
    {
        private readonly string bin;
        private readonly string directory;
        private readonly string? runAs;

        private ThrowawayCluster(string bin, string directory, string? runAs, int port)
        {
            this.bin = bin;
            this.directory = directory;
            this.runAs = runAs;
            ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50";
        }

        public string ConnectionString { get; }

        private string DataDirectory => Path.Combine(directory, "data");

        public static async Task<ThrowawayCluster> StartAsync(string bin)
        {
            var directory = Path.Combine(Path.GetTempPath(), "assetbridge-pg-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            var runAs = Environment.UserName == "root" ? UnprivilegedUser() : null;
            if (runAs is not null)
            {
                Run("chown", [runAs, directory]);
            }

            // An ICU collation that does not sort by bytes: the schema's COLLATE "C" must hold on its own.
            Run(Path.Combine(bin, "initdb"), ["-D", Path.Combine(directory, "data"), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8", "--locale-provider=icu", "--icu-locale=en-US"], runAs);
            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort();
                var cluster = new ThrowawayCluster(bin, directory, runAs, port);
                try
                {
                    Run(Path.Combine(bin, "pg_ctl"), ["start", "-D", cluster.DataDirectory, "-w", "-t", "60", "-l", Path.Combine(directory, "server.log"), "-o",
                        $"-h 127.0.0.1 -p {port} -k {directory} -F -c max_connections=300 -c fsync=off -c full_page_writes=off -c synchronous_commit=off"], runAs);
                    await Task.CompletedTask.ConfigureAwait(false);
                    return cluster;
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                    // Another process took the port between choosing and binding it: choose again.
                }
            }
        }

        /// <summary>
        /// The test host may be ended abruptly once the last test ran, too soon for an exit handler to stop
        /// a server and delete its files; a detached watcher does it once this process is gone.
        /// </summary>
        public void RemoveWhenThisProcessExits()
        {
            const string Watch = """
                exec >/dev/null 2>&1 </dev/null
                while kill -0 "$1"; do sleep 0.5; done
                shift
                dir="$1"; shift
                "$@"
                rm -rf "$dir"
                """;
            var start = new ProcessStartInfo("setsid") { UseShellExecute = false };
            string[] stop = [Path.Combine(bin, "pg_ctl"), "stop", "-D", DataDirectory, "-m", "immediate", "-w"];
            foreach (var argument in (string[])["sh", "-c", Watch, "watch", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), directory, .. runAs is null ? stop : ["runuser", "-u", runAs, "--", .. stop]])
            {
                start.ArgumentList.Add(argument);
            }

            Process.Start(start)?.Dispose();
        }

        public static string Run(string file, IReadOnlyList<string> arguments, string? runAs = null)
        {
            var start = new ProcessStartInfo(runAs is null ? file : "runuser")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (runAs is not null)
            {
                foreach (var a in new[] { "-u", runAs, "--", file })
                {
                    start.ArgumentList.Add(a);
                }
            }

            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}{output.Result}");
            }

            return output.Result;
        }

        private static string UnprivilegedUser()
        {
            try
            {
                Run("id", ["postgres"]);
                return "postgres";
            }
            catch (InvalidOperationException)
            {
                return "nobody";
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
