using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using AssetBridge.Connectors.Azure.Tests.Support;
using AssetBridge.Connectors.Azure.Transport;

namespace AssetBridge.Connectors.Azure.Tests.Transport;

public class ServerTrustTests
{
    [Fact]
    public void UnknownRoot_IsTrusted_OnlyWhenItIsAnExtraRoot()
    {
        using var server = Certificates.Rsa("CN=127.0.0.1", dnsName: "127.0.0.1");
        using var other = Certificates.Rsa("CN=other");
        using var chain = SystemChain(server);

        Assert.Null(new ServerTrust([server]).Check(server, chain, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.NotNull(new ServerTrust([other]).Check(server, chain, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.Contains("does not build to a trusted root", new ServerTrust(null).Check(server, chain, SslPolicyErrors.RemoteCertificateChainErrors), StringComparison.Ordinal);
    }

    [Fact]
    public void NameMismatch_IsNeverForgiven_EvenForAnExtraRoot()
    {
        using var server = Certificates.Rsa("CN=127.0.0.1");
        using var chain = SystemChain(server);

        var reason = new ServerTrust([server]).Check(server, chain, SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch);

        Assert.Equal("the certificate is for another host name", reason);
    }

    [Fact]
    public void ExpiredCertificate_IsNotForgiven_ByAnExtraRoot()
    {
        using var server = Certificates.Rsa("CN=old", notBefore: DateTimeOffset.UtcNow.AddYears(-2), notAfter: DateTimeOffset.UtcNow.AddDays(-1));
        using var chain = SystemChain(server);

        Assert.NotNull(new ServerTrust([server]).Check(server, chain, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    private static X509Chain SystemChain(X509Certificate2 certificate)
    {
        var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.Build(certificate);
        return chain;
    }
}
