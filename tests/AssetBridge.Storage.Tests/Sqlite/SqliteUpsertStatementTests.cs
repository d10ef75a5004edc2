using AssetBridge.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace AssetBridge.Storage.Tests.Sqlite;

public sealed class SqliteUpsertStatementTests : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public SqliteUpsertStatementTests()
    {
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE t (k TEXT NOT NULL PRIMARY KEY, v TEXT CHECK (v <> 'bad'), n INTEGER, f INTEGER)";
        command.ExecuteNonQuery();
    }

    public void Dispose() => connection.Dispose();

    [Fact]
    public async Task Execute_AfterAFailedStep_RunsAgainWithTheSameStatement()
    {
        using var upsert = SqliteUpsertStatement.Prepare(
            connection,
            "INSERT INTO t (k, v, n, f) VALUES (@k, @v, @n, @f) ON CONFLICT (k) DO UPDATE SET v = excluded.v, n = excluded.n, f = excluded.f",
            ["k", "v", "n", "f"]);

        upsert.Bind(0, "a");
        upsert.Bind(1, "bad");
        upsert.Bind(2, 1L);
        upsert.Bind(3, true);
        var error = await Assert.ThrowsAsync<SqliteException>(() => upsert.ExecuteAsync(CancellationToken.None).AsTask());
        Assert.Equal(19, error.SqliteErrorCode);

        upsert.Bind(1, "ünïcödé ✓");
        await upsert.ExecuteAsync(CancellationToken.None);
        upsert.Bind(2, null);
        await upsert.ExecuteAsync(CancellationToken.None);

        using var read = connection.CreateCommand();
        read.CommandText = "SELECT k, v, n, f FROM t";
        using var reader = read.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(("a", "ünïcödé ✓", true, 1L), (reader.GetString(0), reader.GetString(1), reader.IsDBNull(2), reader.GetInt64(3)));
        Assert.False(reader.Read());
    }

    [Fact]
    public void Prepare_WithAParameterTheSqlLacks_Fails()
    {
        Assert.Throws<InvalidOperationException>(() => SqliteUpsertStatement.Prepare(connection, "INSERT INTO t (k) VALUES (@k)", ["k", "missing"]));
    }
}
