using AssetBridge.Server.Composition;
using AssetBridge.Agent.Credentials;
using AssetBridge.Agent.Execution;
using AssetBridge.Agent.Runtime;
using AssetBridge.Agent.Transport;
using AssetBridge.Core.Application;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Operations;
using AssetBridge.Core.Storage;
using AssetBridge.Storage.Sqlite;
using AssetBridge.Storage.Vault;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Cli.Hosting;

/// <summary>
/// The composition root of one CLI invocation: the store in the data directory, the vault (opened
/// only when a command needs secrets), the connector modules, the application services and the
/// embedded agent. The server will compose the same parts.
/// </summary>
public sealed class AppHost : IAsyncDisposable
{
    private readonly CliConsole _console;
    private MasterKey? _masterKey;
    private CredentialVault? _vault;
    private LocalControlPlane? _controlPlane;

    private AppHost(string dataDirectory, SqliteStore store, CliConsole console, TimeProvider time, ILoggerFactory loggers, System.Security.Cryptography.X509Certificates.X509Certificate2Collection? extraTrustedRoots)
    {
        DataDirectory = dataDirectory;
        Store = store;
        _console = console;
        Time = time;
        Loggers = loggers;
        Modules = ConnectorModules.Create(time, loggers, console.Environment, extraTrustedRoots);
        Finalizer = new RunFinalizer(store, time, Modules.Planners);
        Sync = new SyncService(store, Modules.Planners, Finalizer, time);
        Inventory = new InventoryReader(store);
    }

    public string DataDirectory { get; }

    public IStore Store { get; }

    public TimeProvider Time { get; }

    public ILoggerFactory Loggers { get; }

    public ConnectorModules Modules { get; }

    public RunFinalizer Finalizer { get; }

    public SyncService Sync { get; }

    public InventoryReader Inventory { get; }

    /// <summary>The vault; it loads the master key only to seal or open a secret, so listing needs no key.</summary>
    public ICredentialVault Vault => _vault ??= new CredentialVault(Store, LoadMasterKey, Time);

    /// <summary>Loads the master key now, so a missing or unsafe key is reported before any work starts.</summary>
    public void RequireMasterKey() => _ = LoadMasterKey();

    private MasterKey LoadMasterKey() => _masterKey ??= MasterKeyFile.Load(DataDirectory, _console.Environment);

    public CredentialService Credentials => new(Vault);

    /// <summary>Connectors; reading them needs no master key (the vault loads it only for secrets).</summary>
    public ConnectorService Connectors => new(Store, Credentials, Time);

    /// <summary>The control plane over this data directory: what every command calls.</summary>
    public IControlPlane ControlPlane => _controlPlane ??= new LocalControlPlane(Store, Vault, Modules, Sync, Finalizer, Time);

    /// <summary>
    /// Opens the data directory. Without <paramref name="create"/>, a directory that was never
    /// initialised is a configuration error telling the user to run init.
    /// </summary>
    /// <param name="extraTrustedRoots">Roots trusted for Azure endpoints besides the system store; the demo's emulator only.</param>
    public static async Task<AppHost> OpenAsync(
        string dataDirectory,
        CliConsole console,
        bool create,
        bool verbose,
        CancellationToken cancellationToken,
        System.Security.Cryptography.X509Certificates.X509Certificate2Collection? extraTrustedRoots = null)
    {
        var databasePath = Hosting.DataDirectory.DatabasePath(dataDirectory);
        if (!create && !File.Exists(databasePath))
        {
            throw new AssetBridgeException(
                ErrorKind.Configuration,
                $"No AssetBridge data in {dataDirectory}; run 'assetbridge init' first, or point --data-dir (or ASSETBRIDGE_HOME) at an initialised directory.");
        }

        Directory.CreateDirectory(dataDirectory);
        // Without --verbose only errors are logged: a failed job's sentence already reaches the user
        // once, in the run summary, and should not be printed again for each job.
        var level = verbose ? LogLevel.Information : LogLevel.Error;
        var loggers = LoggerFactory.Create(builder => builder
            .SetMinimumLevel(level)
            .AddProvider(new StderrLoggerProvider(console.Error, level)));
        var time = TimeProvider.System;
        var store = await SqliteStore.OpenAsync(databasePath, time, null, cancellationToken).ConfigureAwait(false);
        return new AppHost(dataDirectory, store, console, time, loggers, extraTrustedRoots);
    }

    /// <summary>Creates the embedded agent: the same runtime a remote agent runs, over the in-process channel.</summary>
    public AgentRuntime CreateEmbeddedAgent(AgentOptions? options = null)
    {
        options ??= new AgentOptions();
        var channel = new InProcessAgentChannel(Store, Vault, Finalizer, new AgentClaim(options.Name, options.LeaseDuration));
        var logger = Loggers.CreateLogger("AssetBridge.Agent");
        var executor = new JobExecutor(
            channel,
            new OperationMap(Modules.Operations),
            new CredentialFactory(Modules.AuthenticatorProviders),
            options,
            Time,
            logger);
        return new AgentRuntime(channel, executor, options, Time, logger);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync().ConfigureAwait(false);
        Modules.Dispose();
        Loggers.Dispose();
        _masterKey?.Dispose();
    }
}
