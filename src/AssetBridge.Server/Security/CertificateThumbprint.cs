using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AssetBridge.Server.Security;

/// <summary>Thumbprints as AssetBridge prints and pins them everywhere: upper-case hex SHA-256 of the DER certificate.</summary>
public static class CertificateThumbprint
{
    public static string Of(X509Certificate certificate) => Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()));

    /// <summary>A thumbprint as a user may paste it (colons, spaces, lower case), normalized for comparison.</summary>
    public static string Normalize(string text) =>
        new string([.. text.Where(c => !char.IsWhiteSpace(c) && c != ':')]).ToUpperInvariant();
}
