using AssetBridge.Core.Credentials;
using AssetBridge.Core.Errors;

namespace AssetBridge.Agent.Credentials;

/// <summary>Turns an opened credential into an authenticator by its type (the seed's getCredentialsById factory).</summary>
public sealed class CredentialFactory : ICredentialFactory
{
    private readonly Dictionary<string, IAuthenticatorProvider> _providers;

    public CredentialFactory(IEnumerable<IAuthenticatorProvider> providers)
    {
        _providers = providers.ToDictionary(p => p.CredentialType, StringComparer.Ordinal);
    }

    public IAuthenticator Create(OpenedCredential credential, AuthenticationTarget target) =>
        _providers.TryGetValue(credential.Info.Type, out var provider)
            ? provider.Create(credential, target)
            : throw new AssetBridgeException(
                ErrorKind.Configuration,
                $"Credential '{credential.Info.Name}' is of type '{credential.Info.Type}', which this agent cannot use; point the connector at a supported credential.");
}
