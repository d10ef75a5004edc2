using AssetBridge.Core.Credentials;
using AssetBridge.Core.Errors;

namespace AssetBridge.Core.Application;

/// <summary>Adds, lists and removes credentials; checks each type's required attributes and secrets.</summary>
public sealed class CredentialService
{
    private static readonly Dictionary<string, (string[] Attributes, string[] Secrets)> Requirements = new(StringComparer.Ordinal)
    {
        [CredentialTypes.ServiceNowBasic] = ([CredentialTypes.Username], [CredentialTypes.Password]),
        [CredentialTypes.ServiceNowOAuth] = ([CredentialTypes.ClientId], [CredentialTypes.ClientSecret]),

        // A client secret or a client certificate: which one is checked below.
        [CredentialTypes.AzureServicePrincipal] = ([CredentialTypes.TenantId, CredentialTypes.ClientId], []),
        [CredentialTypes.AzureManagedIdentity] = ([], []),
    };

    private readonly ICredentialVault _vault;

    public CredentialService(ICredentialVault vault)
    {
        _vault = vault;
    }

    public static IReadOnlyCollection<string> SupportedTypes => Requirements.Keys;

    public async Task<CredentialInfo> AddAsync(
        string name,
        string type,
        IReadOnlyDictionary<string, string> attributes,
        CredentialSecret secret,
        CancellationToken cancellationToken)
    {
        Names.Validate(name, "credential");
        if (!Requirements.TryGetValue(type, out var required))
        {
            throw new AssetBridgeException(ErrorKind.Usage, $"'{type}' is not a credential type; use one of: {string.Join(", ", Requirements.Keys)}.");
        }

        foreach (var attribute in required.Attributes.Where(a => string.IsNullOrWhiteSpace(attributes.GetValueOrDefault(a))))
        {
            throw new AssetBridgeException(ErrorKind.Usage, $"A {type} credential needs --{attribute.Replace('_', '-')}; add it to the command.");
        }

        foreach (var secretName in required.Secrets.Where(s => string.IsNullOrEmpty(secret.Get(s))))
        {
            throw new AssetBridgeException(ErrorKind.Usage, $"A {type} credential needs its {secretName.Replace('_', ' ')}; pipe it on stdin or name an environment variable with --{secretName.Replace('_', '-')}-env.");
        }

        if (type == CredentialTypes.ServiceNowOAuth
            && attributes.ContainsKey(CredentialTypes.Username)
            && string.IsNullOrEmpty(secret.Get(CredentialTypes.Password)))
        {
            throw new AssetBridgeException(ErrorKind.Usage, "An OAuth credential with --username uses the password grant and needs the user's password; pipe it on stdin after the client secret, or use --password-env.");
        }

        if (type == CredentialTypes.AzureServicePrincipal
            && string.IsNullOrEmpty(secret.Get(CredentialTypes.ClientSecret)) == string.IsNullOrEmpty(secret.Get(CredentialTypes.ClientCertificate)))
        {
            throw new AssetBridgeException(ErrorKind.Usage, "An azure-sp credential needs exactly one of a client secret (stdin or --client-secret-env) and a client certificate (--certificate-file).");
        }

        if (await _vault.FindAsync(name, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new AssetBridgeException(ErrorKind.Conflict, $"A credential named '{name}' already exists; choose another name or remove it first.");
        }

        return await _vault.AddAsync(name, type, attributes, secret, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<CredentialInfo>> ListAsync(CancellationToken cancellationToken) => _vault.ListAsync(cancellationToken);

    /// <summary>The credential by name or id, or a NotFound error naming what to run.</summary>
    public async Task<CredentialInfo> GetAsync(string nameOrId, CancellationToken cancellationToken) =>
        await _vault.FindAsync(nameOrId, cancellationToken).ConfigureAwait(false)
        ?? throw new AssetBridgeException(ErrorKind.NotFound, $"No credential is named '{nameOrId}'; run 'assetbridge credential list' to see them.");

    public async Task<CredentialInfo> RemoveAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var credential = await GetAsync(nameOrId, cancellationToken).ConfigureAwait(false);
        await _vault.RemoveAsync(credential.Id, cancellationToken).ConfigureAwait(false);
        return credential;
    }
}
