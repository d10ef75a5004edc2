using AssetBridge.Connectors.Azure.Settings;
using AssetBridge.Connectors.Azure.Transport;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Errors;
using Azure.Identity;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Connectors.Azure.Authentication;

/// <summary>
/// Builds authenticators for <c>azure-sp</c> credentials: a client secret (ClientSecretCredential) or a
/// client certificate (ClientCertificateCredential), against the target's authority host.
/// </summary>
internal sealed class ServicePrincipalAuthenticatorProvider(AzureModuleOptions options, ServerTrust trust, ILogger logger) : IAuthenticatorProvider
{
    public string CredentialType => CredentialTypes.AzureServicePrincipal;

    public IAuthenticator Create(OpenedCredential credential, AuthenticationTarget target)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(target);
        var tenant = Attribute(credential, CredentialTypes.TenantId) ?? throw Missing(credential, CredentialTypes.TenantId);
        var client = Attribute(credential, CredentialTypes.ClientId) ?? throw Missing(credential, CredentialTypes.ClientId);
        var authority = target.AuthorityHost ?? AzureCloud.Public.AuthorityHost;
        var subject = new EntraSubject(authority, target.BaseAddress, $"application '{client}'", tenant, client, options.MaxAttempts);
        var budgetKey = $"{tenant}/{client}".ToLowerInvariant();

        var secret = credential.Secret.Get(CredentialTypes.ClientSecret);
        if (!string.IsNullOrEmpty(secret))
        {
            return new EntraTokenAuthenticator(
                () => new ClientSecretCredential(tenant, client, secret, EntraTokenOptions.Apply(new ClientSecretCredentialOptions(), authority, target.Http, options)),
                subject,
                budgetKey,
                trust,
                logger);
        }

        var text = credential.Secret.Get(CredentialTypes.ClientCertificate);
        if (string.IsNullOrEmpty(text))
        {
            throw new AssetBridgeException(
                ErrorKind.Configuration,
                $"The credential '{credential.Info.Name}' has neither a client secret nor a client certificate; remove it and add it again with one of them.");
        }

        var certificate = ClientCertificates.Load(text, credential.Secret.Get(CredentialTypes.ClientCertificatePassword), $"the credential '{credential.Info.Name}'");
        return new EntraTokenAuthenticator(
            () => new ClientCertificateCredential(tenant, client, certificate, EntraTokenOptions.Apply(new ClientCertificateCredentialOptions(), authority, target.Http, options)),
            subject with { Thumbprint = certificate.Thumbprint },
            budgetKey,
            trust,
            logger);
    }

    internal static string? Attribute(OpenedCredential credential, string name) =>
        credential.Info.Attributes.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static AssetBridgeException Missing(OpenedCredential credential, string name) => new(
        ErrorKind.Configuration,
        $"The credential '{credential.Info.Name}' has no '{name}'; remove it and add it again with that value.");
}

/// <summary>
/// Builds authenticators for <c>azure-managed-identity</c> credentials: the identity of the machine the
/// agent runs on, system-assigned, or user-assigned when the credential names a client id.
/// </summary>
internal sealed class ManagedIdentityAuthenticatorProvider(AzureModuleOptions options, ServerTrust trust, ILogger logger) : IAuthenticatorProvider
{
    public string CredentialType => CredentialTypes.AzureManagedIdentity;

    public IAuthenticator Create(OpenedCredential credential, AuthenticationTarget target)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(target);
        var client = ServicePrincipalAuthenticatorProvider.Attribute(credential, CredentialTypes.ClientId);
        var authority = target.AuthorityHost ?? AzureCloud.Public.AuthorityHost;
        var principal = client is null ? "the managed identity of the agent's machine" : $"the managed identity '{client}'";
        var subject = new EntraSubject(authority, target.BaseAddress, principal, null, client, options.MaxAttempts) { ManagedIdentity = true };
        var id = client is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(client);
        return new EntraTokenAuthenticator(
            () => new ManagedIdentityCredential(EntraTokenOptions.Apply(new ManagedIdentityCredentialOptions(id), authority, target.Http, options)),
            subject,
            $"managed-identity/{client ?? "system"}",
            trust,
            logger);
    }
}
