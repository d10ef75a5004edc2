using System.Text.RegularExpressions;

namespace AssetBridge.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A server process with its own data directory, an admin token, and any number of agent processes,
/// each with its own data directory — all real processes talking HTTPS over loopback.
/// </summary>
public sealed class Deployment : IAsyncDisposable
{
    private readonly List<CliProcess> _processes = [];
    private readonly Dictionary<string, string?> _environment;

    private Deployment(string root, Dictionary<string, string?> environment)
    {
        Root = root;
        _environment = environment;
        ServerData = Path.Combine(root, "server");
    }

    public string Root { get; }

    public string ServerData { get; }

    public CliProcess? Server { get; private set; }

    public Uri ServerUrl { get; private set; } = null!;

    public string Thumbprint { get; private set; } = string.Empty;

    public string AdminToken { get; private set; } = string.Empty;

    public IReadOnlyList<CliProcess> Processes => _processes;

    /// <summary>The server <see cref="StartServerAsync"/> started, as one replica among others.</summary>
    public ServerEndpoint FirstServer => new(Server ?? throw new InvalidOperationException("No server was started."), ServerUrl, Thumbprint);

    public static async Task<Deployment> CreateAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "assetbridge-e2e", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ASSETBRIDGE_HOME"] = null,
            ["ASSETBRIDGE_MASTER_KEY"] = null,
            ["ASSETBRIDGE_SERVER"] = null,
            ["ASSETBRIDGE_TOKEN"] = null,
            ["ASSETBRIDGE_SERVER_THUMBPRINT"] = null,
            ["ASSETBRIDGE_RETRY_BASE_DELAY_MS"] = "5",
        };
        var deployment = new Deployment(root, environment);
        (await deployment.LocalAsync(deployment.ServerData, "init")).Expect(0);
        var token = await deployment.LocalAsync(deployment.ServerData, "token", "create", "--role", "admin");
        token.Expect(0);
        deployment.AdminToken = Regex.Match(token.Output, @"abt_[A-Za-z0-9_\-]+").Value;
        Assert.False(string.IsNullOrEmpty(deployment.AdminToken), token.Output);
        return deployment;
    }

    /// <summary>Starts <c>assetbridge server</c> on a free loopback port and waits until it listens.</summary>
    public async Task StartServerAsync(params string[] extra)
    {
        var server = await StartReplicaAsync("server", ServerData, extra);
        (Server, ServerUrl, Thumbprint) = (server.Process, server.Url, server.Thumbprint);
    }

    /// <summary>
    /// Starts another <c>assetbridge server</c> (a replica: give it the first one's <c>--store</c>) with its own
    /// data directory, so its own certificate, and waits until it listens. The first server stays the default target.
    /// </summary>
    public async Task<ServerEndpoint> StartReplicaAsync(string name, string dataDirectory, params string[] extra)
    {
        Directory.CreateDirectory(dataDirectory);
        var process = Start(name, ["server", "--data-dir", dataDirectory, "--urls", "https://127.0.0.1:0", .. extra]);
        var listening = await process.WaitForLineAsync(@"Listening on (https://[^\s]+).*?([0-9A-F]{64})", TimeSpan.FromMinutes(1));
        return new ServerEndpoint(process, new Uri(listening.Groups[1].Value.TrimEnd(',', ')', '.')), listening.Groups[2].Value);
    }

    /// <summary>Sets an environment variable of every process started from now on (null removes it).</summary>
    public void SetEnvironment(string name, string? value) => _environment[name] = value;

    /// <summary>Acts with this admin token from now on: a server on another store than the data directory's has tokens of its own.</summary>
    public void UseAdminToken(string token) => AdminToken = token;

    /// <summary>A command against the local data directory <paramref name="dataDirectory"/>.</summary>
    public async Task<CommandResult> LocalAsync(string dataDirectory, params string[] args)
    {
        var (code, output) = await CliProcess.RunAsync(_environment, null, [.. args, "--data-dir", dataDirectory]);
        return new CommandResult(code, output, args);
    }

    /// <summary>A command against the server, as an admin, in remote mode.</summary>
    public Task<CommandResult> RemoteAsync(params string[] args) => RemoteWithInputAsync(null, args);

    public Task<CommandResult> RemoteWithInputAsync(string? input, params string[] args) => RemoteAtAsync(FirstServer, input, args);

    /// <summary>A command against the given server (one replica of several), as an admin, in remote mode.</summary>
    public async Task<CommandResult> RemoteAtAsync(ServerEndpoint server, string? input, params string[] args)
    {
        var (code, output) = await CliProcess.RunAsync(
            _environment,
            input,
            [.. args, "--server", server.Url.ToString(), "--token", AdminToken, "--server-thumbprint", server.Thumbprint]);
        return new CommandResult(code, output, args);
    }

    /// <summary>Enrols an agent with its own data directory (a fresh one-time token each time) and starts <c>agent run</c>.</summary>
    public Task<(CliProcess Process, string DataDirectory)> StartAgentAsync(string name, params string[] enrollOptions) =>
        StartAgentAsync(FirstServer, name, enrollOptions);

    /// <summary>As <see cref="StartAgentAsync(string, string[])"/>, enrolled with (and so pinned to) the given server.</summary>
    public async Task<(CliProcess Process, string DataDirectory)> StartAgentAsync(ServerEndpoint server, string name, params string[] enrollOptions)
    {
        var enrollment = await RemoteAtAsync(server, null, "agents", "enrollment-token", "--expires", "10m", "--auto-approve");
        enrollment.Expect(0);
        var enrollmentToken = Regex.Match(enrollment.Output, @"abe_[A-Za-z0-9_\-]+").Value;
        var data = Path.Combine(Root, "agent-" + name);
        var (code, output) = await CliProcess.RunAsync(
            _environment,
            null,
            ["agent", "enroll", "--server", server.Url.ToString(), "--enrollment-token", enrollmentToken, "--name", name,
             "--server-thumbprint", server.Thumbprint, "--data-dir", data, .. enrollOptions]);
        new CommandResult(code, output, ["agent", "enroll"]).Expect(0);
        var process = Start("agent " + name, ["agent", "run", "--data-dir", data, "--heartbeat-interval", "1s", "--verbose"]);
        return (process, data);
    }

    public CliProcess Start(string name, string[] args)
    {
        var process = CliProcess.Start(name, _environment, args);
        _processes.Add(process);
        return process;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A running server process: where it listens and the certificate it serves.</summary>
public sealed record ServerEndpoint(CliProcess Process, Uri Url, string Thumbprint);

/// <summary>One command's exit code and output.</summary>
public sealed record CommandResult(int Code, string Output, string[] Args)
{
    public CommandResult Expect(int code)
    {
        Assert.True(Code == code, $"'assetbridge {string.Join(' ', Args)}' exited {Code}, expected {code}:\n{Output}");
        return this;
    }
}
