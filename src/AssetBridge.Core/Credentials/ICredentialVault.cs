namespace AssetBridge.Core.Credentials;

/// <summary>
/// Stores credentials with their secrets encrypted at rest (AES-256-GCM envelope under the master key)
/// and opens them only for the process that runs a job.
/// </summary>
public interface ICredentialVault
{
    /// <summary>Encrypts and stores a new credential. A name already in use is a conflict.</summary>
    Task<CredentialInfo> AddAsync(
        string name,
        string type,
        IReadOnlyDictionary<string, string> attributes,
        CredentialSecret secret,
        CancellationToken cancellationToken);

    Task<IReadOnlyList<CredentialInfo>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Finds a credential by name, or by id when the text is a number.</summary>
    Task<CredentialInfo?> FindAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>Removes a credential. A credential a connector still uses is a conflict.</summary>
    Task RemoveAsync(long id, CancellationToken cancellationToken);

    /// <summary>Decrypts a credential. A tampered ciphertext or a wrong master key fails loudly.</summary>
    Task<OpenedCredential> OpenAsync(long id, CancellationToken cancellationToken);
}
