using AssetBridge.Core.Access;
using AssetBridge.Core.Agents;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Runs;
using AssetBridge.Core.Storage;
using AssetBridge.Storage.Relational.Access;
using AssetBridge.Storage.Relational.Agents;
using AssetBridge.Storage.Relational.Connectors;
using AssetBridge.Storage.Relational.Credentials;
using AssetBridge.Storage.Relational.Inventory;
using AssetBridge.Storage.Relational.Jobs;
using AssetBridge.Storage.Relational.Migrations;
using AssetBridge.Storage.Relational.Runs;

namespace AssetBridge.Storage.Relational;

/// <summary>
/// The store parts every relational dialect shares, composed over one database: each dialect's store
/// only opens its database and supplies its migrations.
/// </summary>
public abstract class RelationalStore : IStore
{
    private readonly RelationalDatabase _database;
    private readonly InventoryStore _inventory;

    private protected RelationalStore(RelationalDatabase database, IReadOnlyList<Migration> migrations, JobQueueOptions jobQueue)
    {
        _database = database;
        Migrations = new MigrationRunner(database, migrations);
        Connectors = new ConnectorStore(database);
        Credentials = new CredentialRowStore(database);
        Runs = new RunStore(database);
        Jobs = new JobQueue(database, jobQueue);
        _inventory = new InventoryStore(database);
        Agents = new AgentStore(database);
        Tokens = new TokenStore(database);
    }

    public IConnectorStore Connectors { get; }

    public ICredentialStore Credentials { get; }

    public IRunStore Runs { get; }

    public IJobQueue Jobs { get; }

    public IInventoryStore Inventory => _inventory;

    public IAgentStore Agents { get; }

    public ITokenStore Tokens { get; }

    private protected MigrationRunner Migrations { get; }

    public virtual Task MigrateAsync(CancellationToken cancellationToken) => Migrations.RunAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _inventory.DisposeAsync().ConfigureAwait(false);
        await _database.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }
}
