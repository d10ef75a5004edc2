using System.Net.Http.Headers;
using System.Text;
using AssetBridge.Cli;
using AssetBridge.Cli.Hosting;
using AssetBridge.Emulators.ServiceNow;
using AssetBridge.Server.Composition;
using AssetBridge.Server.Hosting;
using AssetBridge.Server.Security;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Server.Tests.Infrastructure;

/// <summary>
/// One test's server: a fresh data directory initialised by the CLI, admin and reader tokens, a real
/// Kestrel over HTTPS on 127.0.0.1 with a generated certificate, a ServiceNow emulator, and the CLI run
/// in-process against either the data directory or the server.
/// </summary>
public sealed class ServerSandbox : IAsyncDisposable
{
    public const string Username = "svc_assetbridge";
    public const string Password = "canary-Pw-5d2e91-DO-NOT-LEAK";

    private readonly Dictionary<string, string?> _environment = new(StringComparer.Ordinal)
    {
        [ConnectorModules.RetryBaseDelayVariable] = "5",
    };

    private readonly StringWriter _serverLog = new();

    private ServerSandbox(string root)
    {
        Root = root;
        DataDirectory = Path.Combine(root, "data");
    }

    public string Root { get; }

    public string DataDirectory { get; }

    public ServerHost Server { get; private set; } = null!;

    public ServiceNowEmulator Emulator { get; private set; } = null!;

    public Uri Address => Server.Addresses[0];

    public string AdminToken { get; private set; } = null!;

    public string ReaderToken { get; private set; } = null!;

    /// <summary>Everything the CLI printed and every response body the tests read, for canary checks.</summary>
    public StringBuilder Transcript { get; } = new();

    public string ServerLog => _serverLog.ToString();

    public static async Task<ServerSandbox> StartAsync()
    {
        var sandbox = new ServerSandbox(Path.Combine(Path.GetTempPath(), "assetbridge-server-tests", Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(sandbox.Root);
        Assert.Equal(0, (await sandbox.RunLocalAsync(null, "init")).ExitCode);
        sandbox.AdminToken = (await sandbox.RunLocalAsync(null, "token", "create", "--role", "admin")).Out.Trim();
        sandbox.ReaderToken = (await sandbox.RunLocalAsync(null, "token", "create", "--role", "reader", "--expires", "1d")).Out.Trim();
        sandbox.Emulator = await ServiceNowEmulator.StartAsync(new ServiceNowEmulatorOptions
        {
            Devices = 40,
            AdaptersPerDevice = 2,
            Applications = 5,
            Seed = 11,
            Users = [new EmulatorUser(Username, Password, ["cmdb_read"])],
        });
        sandbox.Server = await ServerHost.StartAsync(
            new ServerOptions
            {
                DataDirectory = sandbox.DataDirectory,
                Urls = "https://127.0.0.1:0",
                Environment = sandbox.Environment,
                Logs = new StderrLoggerProvider(TextWriter.Synchronized(sandbox._serverLog), LogLevel.Information),
                ScheduleInterval = TimeSpan.FromMinutes(10),
            },
            CancellationToken.None);
        return sandbox;
    }

    public string? Environment(string name) => _environment.TryGetValue(name, out var value) ? value : null;

    /// <summary>Runs the CLI on the server's data directory, as an operator on the server's machine would.</summary>
    public Task<CliRun> RunLocalAsync(string? stdin, params string[] args) => RunCoreAsync(stdin, [.. args, "--data-dir", DataDirectory]);

    /// <summary>Runs the CLI on another data directory.</summary>
    public Task<CliRun> RunInAsync(string dataDirectory, params string[] args) => RunCoreAsync(null, [.. args, "--data-dir", dataDirectory]);

    /// <summary>Runs the CLI against the server, with the admin token and the pinned thumbprint unless given.</summary>
    public Task<CliRun> RunRemoteAsync(string? stdin, params string[] args)
    {
        var extra = new List<string> { "--server", Address.ToString() };
        if (!args.Contains("--token"))
        {
            extra.AddRange(["--token", AdminToken]);
        }

        if (!args.Contains("--server-thumbprint"))
        {
            extra.AddRange(["--server-thumbprint", Server.Thumbprint]);
        }

        // A data directory that does not exist proves remote mode never touches a local store.
        return RunCoreAsync(stdin, [.. args, .. extra, "--data-dir", Path.Combine(Root, "no-local-data")]);
    }

    /// <summary>An HTTP client that trusts exactly this server's certificate.</summary>
    public HttpClient Client(string? token)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && CertificateThumbprint.Of(certificate) == Server.Thumbprint;
        var client = new HttpClient(handler) { BaseAddress = Address };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Reads a response body and keeps it for the canary check.</summary>
    public async Task<string> BodyAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        lock (Transcript)
        {
            Transcript.Append(body);
        }

        return body;
    }

    private async Task<CliRun> RunCoreAsync(string? stdin, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(new StringReader(stdin ?? string.Empty), output, error, Environment, IsInputRedirected: true, IsOutputTerminal: false, WorkingDirectory: Root);
        var code = await CliApplication.RunAsync(args, console, CancellationToken.None);
        var run = new CliRun(code, output.ToString(), error.ToString());
        lock (Transcript)
        {
            Transcript.Append(run.Out).Append(run.Error);
        }

        return run;
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}

/// <summary>What one CLI invocation printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";

    public CliRun Code(int expected)
    {
        Assert.True(ExitCode == expected, $"expected exit {expected}, got {this}");
        return this;
    }
}
