using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AssetBridge.Connectors.Azure.Tests.Support;

/// <summary>Self-signed certificates made on the spot, for client-certificate and trust tests.</summary>
internal static class Certificates
{
    public static X509Certificate2 Rsa(string subject = "CN=assetbridge-test", DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null, string? dnsName = null)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        if (dnsName is not null)
        {
            var san = new SubjectAlternativeNameBuilder();
            san.AddDnsName(dnsName);
            request.CertificateExtensions.Add(san.Build());
        }

        return request.CreateSelfSigned(notBefore ?? DateTimeOffset.UtcNow.AddDays(-1), notAfter ?? DateTimeOffset.UtcNow.AddYears(1));
    }

    public static X509Certificate2 EcDsa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=assetbridge-ec", key, HashAlgorithmName.SHA256);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    /// <summary>Certificate and unencrypted PKCS#8 key in one PEM text.</summary>
    public static string Pem(X509Certificate2 certificate) =>
        certificate.ExportCertificatePem() + "\n" + (certificate.GetRSAPrivateKey() is { } rsa ? rsa.ExportPkcs8PrivateKeyPem() : certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem()) + "\n";

    public static string WriteTemp(string extension, byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"assetbridge-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
