namespace AssetBridge.Core.Storage;

/// <summary>
/// Raw credential rows. The vault encrypts before it writes here; nothing in this contract ever
/// sees a secret in clear.
/// </summary>
public interface ICredentialStore
{
    /// <summary>
    /// Inserts a credential whose envelope is produced by <paramref name="seal"/> from the id the store
    /// assigns (the id is bound into the ciphertext as associated data). A name in use is a conflict.
    /// </summary>
    Task<StoredCredential> InsertAsync(
        string name,
        string type,
        string attributesJson,
        string keyId,
        Func<long, byte[]> seal,
        DateTimeOffset createdAt,
        CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredCredential>> ListAsync(CancellationToken cancellationToken);

    Task<StoredCredential?> GetAsync(long id, CancellationToken cancellationToken);

    Task<StoredCredential?> FindByNameAsync(string name, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken);
}
