using System.Data.Common;

namespace AssetBridge.Storage.Relational;

/// <summary>
/// Commands prepared once on one connection and reused for every execution: the ingestion hot path
/// binds new values into the same compiled statement instead of parsing SQL per record.
/// </summary>
internal sealed class PreparedCommands : IDisposable
{
    private readonly Dictionary<string, DbCommand> commands = new(StringComparer.Ordinal);

    public DbCommand Get(string key, DbConnection connection, Func<DbConnection, DbCommand> create)
    {
        if (!commands.TryGetValue(key, out var command))
        {
            command = create(connection);
            command.Prepare();
            commands.Add(key, command);
        }

        return command;
    }

    public void Dispose()
    {
        foreach (var command in commands.Values)
        {
            command.Dispose();
        }

        commands.Clear();
    }
}
