using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AssetBridge.Agent.Remote;
using AssetBridge.Core.Agents;
using AssetBridge.Core.Application;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Runs;
using AssetBridge.Core.Storage;
using AssetBridge.Server.Agents;
using AssetBridge.Storage.Sqlite;
using AssetBridge.Storage.Vault;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Server.Tests.Agents;

/// <summary>
/// A real agent plane: Kestrel over HTTPS on a loopback port with a certificate made here, a SQLite
/// store and vault in a temp directory, a credential whose password is a canary, and a connector.
/// </summary>
internal sealed class AgentServer : IAsyncDisposable
{
    public const string Canary = "canary-Agent-Secret-5e1b77";

    private readonly MasterKey _key = MasterKey.Generate();
    private readonly List<RunningAgent> _agents = [];
    private WebApplication? _app;

    private AgentServer(string directory, SqliteStore store, TestClock clock)
    {
        Clock = clock;
        Directory = directory;
        Store = store;
        Vault = new CredentialVault(store, _key, Clock);
        Finalizer = new RunFinalizer(store, Clock);
        Agents = new AgentService(store, Clock, Options.DownAfter);
    }

    public string Directory { get; }

    public SqliteStore Store { get; }

    public CredentialVault Vault { get; }

    public RunFinalizer Finalizer { get; }

    public AgentService Agents { get; }

    public TestClock Clock { get; }

    public CapturedLogs Logs { get; } = new();

    public CapturedBodies Bodies { get; } = new();

    public AgentPlaneOptions Options { get; } = new() { EmbeddedAgent = false, DownAfter = TimeSpan.FromSeconds(30) };

    public X509Certificate2 Certificate { get; } = MakeCertificate();

    public string Thumbprint => AgentProof.Thumbprint(Certificate.RawData);

    public Uri BaseAddress { get; private set; } = null!;

    public long CredentialId { get; private set; }

    public long ConnectorId { get; private set; }

    public IServiceProvider Services => _app!.Services;

    public static async Task<AgentServer> StartAsync(Action<AgentPlaneOptions>? configure = null, Action<IServiceCollection>? services = null, string target = "https://10.1.2.3/", string credentialType = CanaryOperation.CredentialKind, string? username = "svc")
    {
        var directory = Path.Combine(Path.GetTempPath(), "assetbridge-server-agent-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var clock = new TestClock();
        var store = await SqliteStore.OpenAsync(Path.Combine(directory, "server.db"), clock);
        var server = new AgentServer(directory, store, clock);
        configure?.Invoke(server.Options);
        server.Options.ServerCertificateThumbprint = server.Thumbprint;
        var credential = await server.Vault.AddAsync(
            "sn-cred", credentialType, new Dictionary<string, string> { ["username"] = username ?? "svc" }, new CredentialSecret(new Dictionary<string, string> { ["password"] = Canary }), default);
        server.CredentialId = credential.Id;
        server.ConnectorId = (await store.Connectors.AddAsync(new NewConnector("sn", ConnectorKinds.ServiceNow, target, credential.Id, "{}"), server.Clock.GetUtcNow(), default)).Id;

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = directory });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(server.Logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(server.Certificate)));
        builder.Services.AddSingleton<IStore>(store);
        builder.Services.AddSingleton<ICredentialVault>(server.Vault);
        builder.Services.AddSingleton(server.Finalizer);
        builder.Services.AddSingleton<TimeProvider>(server.Clock);
        services?.Invoke(builder.Services);
        builder.Services.AddAgentPlane(server.Options);
        server._app = builder.Build();
        server._app.MapAgentApi();
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal) + "/");
        return server;
    }

    public ILoggerFactory LoggerFactory => Services.GetRequiredService<ILoggerFactory>();

    public Task SetPlacementAsync(AgentPlacement placement) => Store.Connectors.SetPlacementAsync(ConnectorId, placement, default);

    public async Task<(SyncRun Run, long JobId)> EnqueueJobAsync(string? target = "https://10.1.2.3/")
    {
        var run = await Store.Runs.CreateAsync(ConnectorId, SyncMode.Full, Clock.GetUtcNow(), default);
        var ids = await Store.Jobs.EnqueueAsync([new NewJob(run.Id, ConnectorId, CanaryOperation.ListDevicesKey, "cmdb_ci_computer", CredentialId, "{}", target, EntityKind.Device)], default);
        Services.GetRequiredService<DispatchSignal>().Pulse();
        return (run, ids[0]);
    }

    /// <summary>Enrols an agent through the real HTTPS path; returns its data directory.</summary>
    public async Task<string> EnrollAsync(string name, bool autoApprove = true, string[]? capabilities = null, string[]? ranges = null)
    {
        var dataDirectory = Path.Combine(Directory, "agent-" + name);
        var token = await Agents.CreateEnrollmentTokenAsync(TimeSpan.FromHours(1), autoApprove, default);
        using var output = new StringWriter();
        await RemoteAgent.EnrollAsync(new AgentEnrollment(BaseAddress, token, name, capabilities ?? ["servicenow"], ranges ?? [], Thumbprint), dataDirectory, output, Clock, Bodies.Wrap, default);
        return dataDirectory;
    }

    public RunningAgent Run(string dataDirectory, CanaryOperation operation, Action<RemoteAgentOptions>? configure = null) =>
        Run(dataDirectory, [operation], [operation], configure);

    public RunningAgent Run(string dataDirectory, IReadOnlyList<Core.Operations.IOperation> operations, IReadOnlyList<IAuthenticatorProvider> providers, Action<RemoteAgentOptions>? configure = null)
    {
        var options = new RemoteAgentOptions { Concurrency = 1, ClaimWait = TimeSpan.FromSeconds(5), WrapHandler = Bodies.Wrap, HeartbeatInterval = TimeSpan.FromSeconds(2), ReconnectBaseDelay = TimeSpan.FromMilliseconds(50), ReconnectMaxDelay = TimeSpan.FromMilliseconds(500) };
        configure?.Invoke(options);
        var agent = new RunningAgent(cancellation => RemoteAgent.RunAsync(dataDirectory, operations, providers, options, Clock, LoggerFactory, cancellation));
        _agents.Add(agent);
        return agent;
    }

    public async Task<JobRecord> JobAsync(long id) => (await Store.Jobs.GetAsync(id, default))!;

    public async Task<long> DeviceCountAsync() => (await Store.Inventory.CountAsync(ConnectorId, default)).Devices;

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (!await condition())
        {
            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var agent in _agents)
        {
            await agent.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await Store.DisposeAsync();
        _key.Dispose();
        Certificate.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static X509Certificate2 MakeCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }
}

/// <summary>A remote agent running in the background until disposed (which drains it, as SIGTERM would).</summary>
internal sealed class RunningAgent : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();

    public RunningAgent(Func<CancellationToken, Task> run)
    {
        Task = System.Threading.Tasks.Task.Run(() => run(_stop.Token));
    }

    public Task Task { get; }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        if (!Task.IsCompleted)
        {
            try
            {
                await StopAsync();
            }
            catch (Exception)
            {
            }
        }

        _stop.Dispose();
    }
}
