using AssetBridge.Core.Jobs;
using AssetBridge.Core.Runs;

namespace AssetBridge.Core.Storage;

/// <summary>
/// One database holding everything: connectors, credentials (encrypted), runs, the job queue and the
/// inventory. SQLite by default; PostgreSQL implements the same contracts and passes the same suite.
/// </summary>
public interface IStore : IAsyncDisposable
{
    IConnectorStore Connectors { get; }

    ICredentialStore Credentials { get; }

    IRunStore Runs { get; }

    IJobQueue Jobs { get; }

    IInventoryStore Inventory { get; }

    Agents.IAgentStore Agents { get; }

    Access.ITokenStore Tokens { get; }

    /// <summary>Applies pending schema migrations; safe to call on every start.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);
}
