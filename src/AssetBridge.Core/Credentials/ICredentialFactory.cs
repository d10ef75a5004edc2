namespace AssetBridge.Core.Credentials;

/// <summary>
/// Turns an opened credential into an authenticator for a target (the seed's getCredentialsById).
/// The caller obtains the opened credential for the job it holds; the factory never stores it.
/// </summary>
public interface ICredentialFactory
{
    IAuthenticator Create(OpenedCredential credential, AuthenticationTarget target);
}
