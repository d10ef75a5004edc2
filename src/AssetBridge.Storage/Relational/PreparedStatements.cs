using System.Data.Common;

namespace AssetBridge.Storage.Relational;

/// <summary>
/// Statements prepared once on one connection and reused for every execution: the ingestion hot path
/// binds new values into the same compiled statement instead of parsing SQL per record.
/// </summary>
internal sealed class PreparedStatements : IDisposable
{
    private readonly Dictionary<string, IDisposable> statements = new(StringComparer.Ordinal);

    public T Get<T>(string key, DbConnection connection, Func<DbConnection, T> prepare)
        where T : class, IDisposable
    {
        if (!statements.TryGetValue(key, out var statement))
        {
            statement = prepare(connection);
            statements.Add(key, statement);
        }

        return (T)statement;
    }

    public void Dispose()
    {
        foreach (var statement in statements.Values)
        {
            statement.Dispose();
        }

        statements.Clear();
    }
}
