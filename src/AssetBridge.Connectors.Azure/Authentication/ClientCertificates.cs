using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using AssetBridge.Core.Errors;

namespace AssetBridge.Connectors.Azure.Authentication;

/// <summary>
/// Loads a service principal's client certificate from the text a credential stores: PEM (certificate
/// and private key, the key optionally encrypted) or a PFX as base64. The certificate must carry an RSA
/// private key, which Entra ID needs to verify the signed client assertion.
/// </summary>
internal static class ClientCertificates
{
    private static readonly string[] KeyLabels = ["PRIVATE KEY", "RSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "EC PRIVATE KEY"];

    /// <summary>Whether stored text is PEM (else it is a base64 PFX).</summary>
    public static bool IsPem(string text) => text.Contains("-----BEGIN", StringComparison.Ordinal);

    /// <summary>
    /// Loads the certificate. <paramref name="source"/> names where the text came from, for sentences
    /// ("the file 'sp.pem'", "the credential 'prod-sp'"). Failures are usage errors with one sentence;
    /// neither the text nor the password appears in them.
    /// </summary>
    public static X509Certificate2 Load(string text, string? password, string source)
    {
        var certificate = IsPem(text) ? FromPem(text, password, source) : FromPfx(Base64(text, source), password, source);
        try
        {
            if (!certificate.HasPrivateKey)
            {
                throw Refused($"{Capital(source)} holds a certificate without its private key; AssetBridge signs Entra ID's client assertion with it: export the certificate with its private key (PFX, or PEM with the key in the same file).");
            }

            using var rsa = certificate.GetRSAPrivateKey();
            if (rsa is null)
            {
                throw Refused($"The certificate in {source} has a {certificate.PublicKey.Oid.FriendlyName ?? "non-RSA"} key; Entra ID accepts RSA client certificates only: create an RSA certificate (2048 bits or more).");
            }

            return certificate;
        }
        catch
        {
            certificate.Dispose();
            throw;
        }
    }

    /// <summary>Loads a certificate file (PEM or PFX) as the CLI reads it, returning the text to store with it.</summary>
    public static (string Text, X509Certificate2 Certificate) LoadFile(string path, string? password)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Refused($"AssetBridge cannot read the certificate file '{path}' ({e.Message}); check the path and its permissions.", e);
        }

        var source = $"the file '{Path.GetFileName(path)}'";
        var asText = Encoding.UTF8.GetString(bytes);
        var text = IsPem(asText) ? asText.Trim().Replace("\r\n", "\n", StringComparison.Ordinal) + "\n" : Convert.ToBase64String(bytes);
        return (text, Load(text, password, source));
    }

    private static X509Certificate2 FromPem(string pem, string? password, string source)
    {
        if (!KeyLabels.Any(label => pem.Contains($"-----BEGIN {label}-----", StringComparison.Ordinal)))
        {
            throw Refused($"{Capital(source)} has a certificate but no private key; AssetBridge signs Entra ID's client assertion with it: append the private key to the certificate in one PEM file (cat cert.pem key.pem > sp.pem).");
        }

        var encrypted = pem.Contains("-----BEGIN ENCRYPTED PRIVATE KEY-----", StringComparison.Ordinal);
        if (encrypted && string.IsNullOrEmpty(password))
        {
            throw Refused($"The private key in {source} is encrypted; give its password (--certificate-password).");
        }

        try
        {
            return encrypted ? X509Certificate2.CreateFromEncryptedPem(pem, pem, password) : X509Certificate2.CreateFromPem(pem, pem);
        }
        catch (CryptographicException e)
        {
            throw Refused(
                encrypted
                    ? $"The private key in {source} does not open with the password given, or does not belong to its certificate; check the password (--certificate-password) and the file."
                    : $"{Capital(source)} does not hold a certificate and its matching private key in PEM form; check that the first CERTIFICATE block is the one whose key the file holds.",
                e);
        }
    }

    private static X509Certificate2 FromPfx(byte[] pfx, string? password, string source)
    {
        try
        {
            // The key lives in memory only, for as long as the job holds it (macOS has no ephemeral key sets).
            var flags = OperatingSystem.IsMacOS() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet;
            return X509CertificateLoader.LoadPkcs12(pfx, password, flags);
        }
        catch (CryptographicException e)
        {
            throw Refused(
                string.IsNullOrEmpty(password)
                    ? $"{Capital(source)} is neither PEM nor a PFX that opens without a password; give the PFX password (--certificate-password), or a PEM file with the certificate and its private key."
                    : $"{Capital(source)} does not open as a PFX with the password given; check the password (--certificate-password) and that the file is a PFX or PEM.",
                e);
        }
    }

    private static byte[] Base64(string text, string source)
    {
        try
        {
            return Convert.FromBase64String(text.Trim());
        }
        catch (FormatException e)
        {
            throw Refused($"{Capital(source)} holds neither PEM text nor a base64 PFX; add the credential again from the certificate file.", e);
        }
    }

    private static AssetBridgeException Refused(string sentence, Exception? inner = null) => new(ErrorKind.Usage, sentence, inner);

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
