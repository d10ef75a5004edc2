using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using AssetBridge.Connectors.Azure.Authentication;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Errors;

namespace AssetBridge.Connectors.Azure.Settings;

/// <summary>A credential ready for the vault: its type, non-secret attributes and secret, plus a line describing it (never the secret).</summary>
public sealed record AzureCredentialParts(string Type, IReadOnlyDictionary<string, string> Attributes, CredentialSecret Secret, string Description);

/// <summary>
/// Checks what <c>credential add azure-sp</c> and <c>credential add azure-managed-identity</c> are given
/// and turns it into the attributes and secret the vault stores. Every refusal is an
/// <see cref="AssetBridgeException"/> (Usage) with the sentence to print; no secret is ever in it.
/// </summary>
public static partial class AzureCredentialInput
{
    /// <summary>A tenant id as Entra ID accepts it for an app-only token: a GUID (lower-cased) or a verified domain such as <c>contoso.onmicrosoft.com</c>.</summary>
    public static string ValidateTenantId(string? tenantId)
    {
        var text = tenantId?.Trim() ?? string.Empty;
        if (Guid.TryParseExact(text, "D", out var guid))
        {
            return guid.ToString("D");
        }

        if (text.Length <= 253 && DomainName().IsMatch(text) && !text.Contains("..", StringComparison.Ordinal))
        {
            return text.ToLowerInvariant();
        }

        throw new AssetBridgeException(
            ErrorKind.Usage,
            text is "common" or "organizations" or "consumers"
                ? $"'{text}' names no single tenant, and an application signs in to one: give the Directory (tenant) ID GUID or a verified domain, e.g. contoso.onmicrosoft.com (--tenant-id)."
                : $"'{text}' is not a tenant id; give the Directory (tenant) ID GUID or a verified domain, e.g. contoso.onmicrosoft.com (--tenant-id).");
    }

    /// <summary>An application (client) id: a GUID, lower-cased.</summary>
    public static string ValidateClientId(string? clientId)
    {
        var text = clientId?.Trim() ?? string.Empty;
        return Guid.TryParseExact(text, "D", out var guid)
            ? guid.ToString("D")
            : throw new AssetBridgeException(
                ErrorKind.Usage,
                $"'{text}' is not a client id; give the app registration's Application (client) ID, a GUID (--client-id).");
    }

    /// <summary>
    /// Loads a certificate file (PEM with certificate and private key, or PFX with an optional password),
    /// checks it holds an RSA private key and is valid now, and returns the text to store as
    /// <see cref="CredentialTypes.ClientCertificate"/> with the certificate's thumbprint and expiry.
    /// </summary>
    public static (string Text, string Thumbprint, DateTimeOffset NotAfter) ReadCertificateFile(string path, string? password, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var (text, certificate) = ClientCertificates.LoadFile(path, password);
        using (certificate)
        {
            var now = (time ?? TimeProvider.System).GetUtcNow();
            var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
            var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);
            if (notAfter < now)
            {
                throw new AssetBridgeException(
                    ErrorKind.Usage,
                    $"The certificate in '{Path.GetFileName(path)}' (thumbprint {certificate.Thumbprint}) expired on {notAfter.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; Entra ID refuses it: create a new one, upload its public part to the app registration, and add the credential with it.");
            }

            if (notBefore > now)
            {
                throw new AssetBridgeException(
                    ErrorKind.Usage,
                    $"The certificate in '{Path.GetFileName(path)}' (thumbprint {certificate.Thumbprint}) is not valid before {notBefore.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC; check this machine's clock or wait until then.");
            }

            return (text, certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA1), notAfter);
        }
    }

    /// <summary>
    /// An <c>azure-sp</c> credential: tenant and client id, and either a client secret or a certificate
    /// file (never both, never neither).
    /// </summary>
    public static AzureCredentialParts ServicePrincipal(string? tenantId, string? clientId, string? clientSecret, string? certificatePath, string? certificatePassword, TimeProvider? time = null)
    {
        var tenant = ValidateTenantId(tenantId);
        var client = ValidateClientId(clientId);
        var hasSecret = !string.IsNullOrEmpty(clientSecret);
        var hasCertificate = !string.IsNullOrWhiteSpace(certificatePath);
        if (hasSecret == hasCertificate)
        {
            throw new AssetBridgeException(
                ErrorKind.Usage,
                hasSecret
                    ? "Give either a client secret or a certificate for the service principal, not both (a secret on stdin or --client-secret-env, or --certificate-file)."
                    : "Give the service principal's client secret (on stdin or --client-secret-env) or its certificate file (--certificate-file).");
        }

        if (!hasCertificate && !string.IsNullOrEmpty(certificatePassword))
        {
            throw new AssetBridgeException(ErrorKind.Usage, "A certificate password only goes with a certificate file (--certificate-file).");
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CredentialTypes.TenantId] = tenant,
            [CredentialTypes.ClientId] = client,
        };
        var secret = new Dictionary<string, string>(StringComparer.Ordinal);
        string description;
        if (hasSecret)
        {
            if (clientSecret!.Trim().Length != clientSecret.Length || Guid.TryParse(clientSecret, out _))
            {
                throw new AssetBridgeException(
                    ErrorKind.Usage,
                    Guid.TryParse(clientSecret, out _)
                        ? "The client secret given is a GUID, which is the secret's ID, not its value; copy the Value column from the app registration's Certificates & secrets page."
                        : "The client secret given starts or ends with white space, which a copied secret never does; copy it again.");
            }

            secret[CredentialTypes.ClientSecret] = clientSecret;
            description = $"application {client} in tenant {tenant}, with a client secret";
        }
        else
        {
            var (text, thumbprint, notAfter) = ReadCertificateFile(certificatePath!, certificatePassword, time);
            secret[CredentialTypes.ClientCertificate] = text;
            if (!string.IsNullOrEmpty(certificatePassword))
            {
                secret[CredentialTypes.ClientCertificatePassword] = certificatePassword;
            }

            description = $"application {client} in tenant {tenant}, with certificate {thumbprint} (valid until {notAfter.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})";
        }

        return new AzureCredentialParts(CredentialTypes.AzureServicePrincipal, attributes, new CredentialSecret(secret), description);
    }

    /// <summary>An <c>azure-managed-identity</c> credential: the system-assigned identity, or the user-assigned one with this client id.</summary>
    public static AzureCredentialParts ManagedIdentity(string? clientId)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var description = "the system-assigned managed identity of the agent's machine";
        if (!string.IsNullOrWhiteSpace(clientId))
        {
            var client = ValidateClientId(clientId);
            attributes[CredentialTypes.ClientId] = client;
            description = $"the user-assigned managed identity {client} of the agent's machine";
        }

        return new AzureCredentialParts(CredentialTypes.AzureManagedIdentity, attributes, new CredentialSecret(new Dictionary<string, string>()), description);
    }

    [GeneratedRegex(@"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DomainName();
}
