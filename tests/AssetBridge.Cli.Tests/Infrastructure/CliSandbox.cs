using AssetBridge.Server.Composition;

namespace AssetBridge.Cli.Tests.Infrastructure;

/// <summary>
/// A fresh data directory and environment for one test, and a way to run <c>assetbridge</c> in-process
/// exactly as a user would (same parser, same composition), capturing stdout and stderr.
/// </summary>
public sealed class CliSandbox : IDisposable
{
    private readonly Dictionary<string, string?> _environment = new(StringComparer.Ordinal);

    public CliSandbox()
    {
        Root = Path.Combine(Path.GetTempPath(), "assetbridge-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        DataDirectory = Path.Combine(Root, "data");

        // Retries keep their shape (exponential, jittered) but start small, so failure tests end quickly.
        SetEnvironment(ConnectorModules.RetryBaseDelayVariable, "5");
    }

    public string Root { get; }

    public string DataDirectory { get; }

    /// <summary>Everything every invocation printed, for canary checks.</summary>
    public System.Text.StringBuilder Transcript { get; } = new();

    public void SetEnvironment(string name, string? value) => _environment[name] = value;

    /// <summary>Runs the CLI with <c>--data-dir</c> pointing at this sandbox.</summary>
    public Task<CliRun> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    public Task<CliRun> RunWithInputAsync(string? stdin, params string[] args) => RunAsync(stdin, CancellationToken.None, args);

    /// <summary>Runs with a cancellation token: cancelling it is what Ctrl+C or SIGTERM does to the process.</summary>
    public async Task<CliRun> RunAsync(string? stdin, CancellationToken cancellationToken, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(
            new StringReader(stdin ?? string.Empty),
            output,
            error,
            name => _environment.TryGetValue(name, out var value) ? value : null,
            IsInputRedirected: true,
            IsOutputTerminal: false,
            WorkingDirectory: Root);
        var code = await CliApplication.RunAsync([.. args, "--data-dir", DataDirectory], console, cancellationToken);
        var run = new CliRun(code, output.ToString(), error.ToString());
        Transcript.Append(run.Out).Append(run.Error);
        return run;
    }

    /// <summary>The bytes of every file in the data directory (database, WAL, key), for canary checks.</summary>
    public IEnumerable<(string Path, byte[] Bytes)> DataFiles() =>
        Directory.Exists(DataDirectory)
            ? Directory.EnumerateFiles(DataDirectory, "*", SearchOption.AllDirectories).Select(p => (p, File.ReadAllBytes(p)))
            : [];

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow runner is left for the OS temp cleaner.
        }
    }
}
