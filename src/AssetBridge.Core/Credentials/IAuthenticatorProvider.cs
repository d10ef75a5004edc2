namespace AssetBridge.Core.Credentials;

/// <summary>Where an authenticator will be used: the source's base address and the HTTP client to reach it (for token endpoints).</summary>
public sealed record AuthenticationTarget(Uri BaseAddress, HttpMessageInvoker Http)
{
    /// <summary>The identity provider to get tokens from (Entra ID's authority host), when it is not the source itself.</summary>
    public Uri? AuthorityHost { get; init; }
}

/// <summary>Builds authenticators for one credential type; connectors register one per type they support.</summary>
public interface IAuthenticatorProvider
{
    string CredentialType { get; }

    IAuthenticator Create(OpenedCredential credential, AuthenticationTarget target);
}
