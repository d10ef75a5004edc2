using System.Net.Http.Headers;
using System.Text;
using AssetBridge.Core.Credentials;

namespace AssetBridge.Connectors.ServiceNow.Authentication;

/// <summary>HTTP Basic with the credential's username and password; nothing to refresh.</summary>
internal sealed class BasicAuthenticator : IAuthenticator, IPrincipalDescription
{
    private readonly string _encoded;

    public BasicAuthenticator(OpenedCredential credential)
    {
        var username = CredentialAttributes.Require(credential, CredentialTypes.Username);
        var password = credential.Secret.Require(CredentialTypes.Password);
        _encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));
        Principal = $"user '{username}'";
    }

    public string Principal { get; }

    public ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _encoded);
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> RefreshAsync(CancellationToken cancellationToken) => ValueTask.FromResult(false);

    public override string ToString() => $"Basic authenticator for {Principal}";
}

/// <summary>Builds <see cref="BasicAuthenticator"/>s for <c>servicenow-basic</c> credentials.</summary>
internal sealed class BasicAuthenticatorProvider : IAuthenticatorProvider
{
    public string CredentialType => CredentialTypes.ServiceNowBasic;

    public IAuthenticator Create(OpenedCredential credential, AuthenticationTarget target)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return new BasicAuthenticator(credential);
    }
}
