using System.Data.Common;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Storage;
using Dapper;

namespace AssetBridge.Storage.Relational.Credentials;

/// <summary>
/// Credential rows. Only envelopes pass through here, already sealed by the vault; nothing in this
/// class may log or echo an envelope or attribute value.
/// </summary>
internal sealed class CredentialRowStore(RelationalDatabase database) : ICredentialStore
{
    public async Task<StoredCredential> InsertAsync(
        string name,
        string type,
        string attributesJson,
        string keyId,
        Func<long, byte[]> seal,
        DateTimeOffset createdAt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seal);
        var created = UnixTime.ToMilliseconds(createdAt);
        await using var session = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        long id;
        try
        {
            // The id is part of the envelope's associated data, so the row is inserted first (with an
            // empty envelope that never commits) and sealed under its own id in the same transaction.
            id = await session.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO credentials (name, type, attributes_json, key_id, envelope, created_at)
                VALUES (@name, @type, @attributesJson, @keyId, @envelope, @created)
                RETURNING id
                """,
                new { name, type, attributesJson, keyId, envelope = Array.Empty<byte>(), created },
                session.Transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        catch (DbException e) when (database.Dialect.IsUniqueViolation(e))
        {
            throw new AssetBridgeException(
                ErrorKind.Conflict,
                $"A credential named '{name}' already exists; choose another name or remove the existing credential first.",
                e);
        }

        var envelope = seal(id);
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE credentials SET envelope = @envelope WHERE id = @id",
            new { envelope, id },
            session.Transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new StoredCredential(id, name, type, attributesJson, keyId, envelope, UnixTime.FromMilliseconds(created));
    }

    public async Task<IReadOnlyList<StoredCredential>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<CredentialRow>(new CommandDefinition(
            CredentialRow.SelectColumns + " ORDER BY id", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToStored()).ToList();
    }

    public async Task<StoredCredential?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<CredentialRow>(new CommandDefinition(
            CredentialRow.SelectColumns + " WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToStored();
    }

    public async Task<StoredCredential?> FindByNameAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<CredentialRow>(new CommandDefinition(
            CredentialRow.SelectColumns + " WHERE name = @name", new { name }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToStored();
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var session = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        int deleted;
        try
        {
            deleted = await session.Connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM credentials WHERE id = @id", new { id }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        catch (DbException e) when (database.Dialect.IsForeignKeyViolation(e))
        {
            throw new AssetBridgeException(
                ErrorKind.Conflict,
                $"Credential {id} is still used by a connector; remove that connector or give it another credential first.",
                e);
        }

        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted > 0;
    }
}
