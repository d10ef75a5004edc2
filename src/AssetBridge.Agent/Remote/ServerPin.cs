using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using AssetBridge.Core.Agents;
using AssetBridge.Core.Errors;

namespace AssetBridge.Agent.Remote;

/// <summary>
/// Certificate pinning: a TLS connection is accepted only when the server's certificate has the pinned
/// SHA-256 thumbprint; CA trust does not matter (servers usually have self-signed certificates). Without
/// a pin (first enrolment, trust on first use) the first certificate seen becomes the pin.
/// </summary>
internal sealed class ServerPin
{
    private readonly Uri _server;
    private string? _pinned;

    public ServerPin(Uri server, string? thumbprint)
    {
        _server = server;
        _pinned = thumbprint is null ? null : AgentProof.NormalizeThumbprint(thumbprint);
    }

    public string? Pinned => Volatile.Read(ref _pinned);

    /// <summary>The thumbprint of the last certificate refused, to name it in the error.</summary>
    public string? LastRefused { get; private set; }

    public SocketsHttpHandler CreateHandler() => new()
    {
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, certificate, _, _) => Accept(certificate) },
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    };

    public AssetBridgeException Mismatch() => new(
        ErrorKind.Authentication,
        $"The server at {_server} presented a certificate with SHA-256 thumbprint {LastRefused}, but this agent pinned {Pinned}. If the server's certificate was replaced on purpose, enrol the agent again (passing --server-thumbprint {LastRefused}); otherwise something is intercepting the connection — do not proceed.");

    private bool Accept(X509Certificate? certificate)
    {
        if (certificate is null)
        {
            return false;
        }

        var seen = AgentProof.Thumbprint(certificate.GetRawCertData());
        var pinned = Interlocked.CompareExchange(ref _pinned, seen, null) ?? seen;
        if (string.Equals(pinned, seen, StringComparison.Ordinal))
        {
            return true;
        }

        LastRefused = seen;
        return false;
    }
}
