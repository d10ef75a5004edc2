using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Storage;

namespace AssetBridge.Storage.Vault;

/// <summary>
/// The credential vault over the store's credential rows. Secrets are sealed before they reach the
/// store and opened only in memory; metadata (type, username, client id) stays in clear for listing,
/// so listing and finding work without the master key, which is loaded only to seal or open.
/// </summary>
public sealed class CredentialVault : ICredentialVault
{
    private readonly IStore _store;
    private readonly Lazy<MasterKey> _key;
    private readonly TimeProvider _time;

    public CredentialVault(IStore store, MasterKey masterKey, TimeProvider time)
        : this(store, () => masterKey, time)
    {
    }

    /// <param name="store">Where the rows live.</param>
    /// <param name="loadMasterKey">Loads the master key the first time a secret is sealed or opened; its errors reach that caller.</param>
    /// <param name="time">The clock for creation times.</param>
    public CredentialVault(IStore store, Func<MasterKey> loadMasterKey, TimeProvider time)
    {
        _store = store;
        _key = new Lazy<MasterKey>(loadMasterKey, LazyThreadSafetyMode.ExecutionAndPublication);
        _time = time;
    }

    private MasterKey _masterKey => _key.Value;

    public async Task<CredentialInfo> AddAsync(
        string name,
        string type,
        IReadOnlyDictionary<string, string> attributes,
        CredentialSecret secret,
        CancellationToken cancellationToken)
    {
        var attributesJson = JsonSerializer.Serialize(attributes);
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(secret.Reveal());
        try
        {
            var stored = await _store.Credentials.InsertAsync(
                name,
                type,
                attributesJson,
                _masterKey.KeyId,
                id => EnvelopeCipher.Seal(_masterKey, plaintext, EnvelopeCipher.AssociatedData(id, type, _masterKey.KeyId)),
                _time.GetUtcNow(),
                cancellationToken).ConfigureAwait(false);
            return ToInfo(stored);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    public async Task<IReadOnlyList<CredentialInfo>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await _store.Credentials.ListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(ToInfo).ToList();
    }

    public async Task<CredentialInfo?> FindAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var row = await FindRowAsync(nameOrId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToInfo(row);
    }

    public async Task RemoveAsync(long id, CancellationToken cancellationToken)
    {
        var row = await _store.Credentials.GetAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new AssetBridgeException(ErrorKind.NotFound, $"No credential has id {id}; run 'assetbridge credential list' to see them.");
        if (await _store.Connectors.IsCredentialInUseAsync(id, cancellationToken).ConfigureAwait(false))
        {
            throw new AssetBridgeException(
                ErrorKind.Conflict,
                $"Credential '{row.Name}' is used by a connector; remove or re-point that connector first ('assetbridge connector list').");
        }

        await _store.Credentials.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<OpenedCredential> OpenAsync(long id, CancellationToken cancellationToken)
    {
        var row = await _store.Credentials.GetAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new AssetBridgeException(ErrorKind.NotFound, $"No credential has id {id}; it was removed — add it again and point the connector at it.");
        if (!string.Equals(row.KeyId, _masterKey.KeyId, StringComparison.Ordinal))
        {
            throw new AssetBridgeException(
                ErrorKind.Configuration,
                $"Credential '{row.Name}' was sealed with master key {row.KeyId}, but the key in use is {_masterKey.KeyId}; restore the original master key or add the credential again.");
        }

        byte[] plaintext;
        try
        {
            plaintext = EnvelopeCipher.Open(_masterKey, row.Envelope, EnvelopeCipher.AssociatedData(row.Id, row.Type, row.KeyId));
        }
        catch (CryptographicException)
        {
            throw new AssetBridgeException(
                ErrorKind.Configuration,
                $"The stored secret of credential '{row.Name}' failed its integrity check (it was altered in the database); remove the credential and add it again.");
        }

        try
        {
            var values = JsonSerializer.Deserialize<Dictionary<string, string>>(plaintext) ?? [];
            return new OpenedCredential(ToInfo(row), new CredentialSecret(values));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private async Task<StoredCredential?> FindRowAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var byName = await _store.Credentials.FindByNameAsync(nameOrId, cancellationToken).ConfigureAwait(false);
        if (byName is not null)
        {
            return byName;
        }

        return long.TryParse(nameOrId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await _store.Credentials.GetAsync(id, cancellationToken).ConfigureAwait(false)
            : null;
    }

    private static CredentialInfo ToInfo(StoredCredential row) =>
        new(
            row.Id,
            row.Name,
            row.Type,
            JsonSerializer.Deserialize<Dictionary<string, string>>(row.AttributesJson) ?? [],
            row.KeyId,
            row.CreatedAt);
}
