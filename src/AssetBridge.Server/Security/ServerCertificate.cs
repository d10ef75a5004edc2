using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AssetBridge.Core.Errors;

namespace AssetBridge.Server.Security;

/// <summary>
/// The server's TLS certificate: the PFX the operator configured, or a self-signed ECDSA P-256
/// certificate generated on first start and kept (owner-only) in the data directory, so its
/// thumbprint — which clients and agents pin — stays the same across restarts.
/// </summary>
public static class ServerCertificate
{
    public const string FileName = "server.pfx";

    public static X509Certificate2 LoadOrCreate(string dataDirectory, string? path, string? password, TimeProvider time)
    {
        if (path is not null)
        {
            return Load(path, password);
        }

        var generated = Path.Combine(dataDirectory, FileName);
        if (File.Exists(generated))
        {
            return Load(generated, null);
        }

        var pfx = CreateSelfSigned(time.GetUtcNow());
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite; // the private key: owner-only
        }

        using (var stream = new FileStream(generated, file))
        {
            stream.Write(pfx);
        }

        return X509CertificateLoader.LoadPkcs12(pfx, null);
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception error) when (error is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new AssetBridgeException(ErrorKind.Configuration, $"The certificate {path} could not be loaded ({error.Message.TrimEnd('.')}); check the file and its password.", error);
        }
    }

    private static byte[] CreateSelfSigned(DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=AssetBridge server", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        if (Uri.CheckHostName(Environment.MachineName) == UriHostNameType.Dns)
        {
            names.AddDnsName(Environment.MachineName.ToLowerInvariant());
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        return certificate.Export(X509ContentType.Pfx);
    }
}
