using AssetBridge.Core.Errors;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using AssetBridge.Connectors.Azure.Failures;
using AssetBridge.Connectors.Azure.Transport;
using AssetBridge.Core.Connectors;

namespace AssetBridge.Connectors.Azure.Probe;

/// <summary>The probe's network steps for one host: its name resolves, and a TCP (and for https, TLS) connection opens with the module's trust.</summary>
internal sealed class NetworkChecks(ServerTrust trust, TimeProvider time)
{
    public async Task<ProbeCheck> ResolveAsync(Uri endpoint, string role, CancellationToken cancellationToken)
    {
        var name = $"DNS resolution of the {role}";
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(endpoint.IdnHost, cancellationToken).ConfigureAwait(false);
            if (addresses.Length > 0)
            {
                return new ProbeCheck(name, true, $"{endpoint.IdnHost} resolves to {string.Join(", ", addresses.Take(4).Select(a => a.ToString()))}.");
            }
        }
        catch (SocketException)
        {
        }

        return new ProbeCheck(name, false, $"The host name '{endpoint.IdnHost}' of the {role} does not resolve; check the connector's {role} and this machine's DNS.");
    }

    public async Task<ProbeCheck> ConnectAsync(Uri endpoint, string role, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var https = endpoint.Scheme == Uri.UriSchemeHttps;
        var name = $"{(https ? "TLS" : "TCP")} connection to the {role}";
        var target = $"{endpoint.IdnHost}:{endpoint.Port}";
        var proxy = HttpClient.DefaultProxy.GetProxy(endpoint);
        if (proxy is not null && proxy != endpoint && !HttpClient.DefaultProxy.IsBypassed(endpoint))
        {
            return new ProbeCheck(name, true, $"Requests to {target} go through the proxy {proxy.IdnHost}; the next steps check the connection.");
        }

        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(endpoint.IdnHost, endpoint.Port, linked.Token).ConfigureAwait(false);
            if (!https)
            {
                return new ProbeCheck(name, true, $"Connected to {target} (plain http, allowed to loopback only).");
            }

            await using var tls = new SslStream(tcp.GetStream());
            await tls.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions { TargetHost = endpoint.IdnHost, RemoteCertificateValidationCallback = trust.Validate },
                linked.Token).ConfigureAwait(false);
            var certificate = tls.RemoteCertificate;
            var until = certificate is null ? string.Empty : $", certificate for {certificate.Subject} valid until {Expiry(certificate)}";
            return new ProbeCheck(name, true, $"Connected to {target} over {tls.SslProtocol}{until}.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeCheck(name, false, $"No connection to {target} within {timeout.TotalSeconds:0.#} s; check the connector's {role} and that no firewall or proxy blocks it.");
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return new ProbeCheck(name, false, $"Nothing accepted a connection to {target} (connection refused); check the connector's {role} and that no firewall or proxy blocks it.");
        }
        catch (SocketException e)
        {
            return new ProbeCheck(name, false, $"AssetBridge could not connect to {target} ({e.SocketErrorCode}); check the connector's {role} and the network path (firewall, proxy, VPN).");
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            return new ProbeCheck(name, false, trust.RejectionOf(endpoint.IdnHost) is { } reason
                ? $"The certificate of '{endpoint.IdnHost}' is not trusted here: {reason}; if a proxy or private CA signs it, add that CA to the system trust store, point SSL_CERT_FILE at it, or name it in ASSETBRIDGE_EXTRA_CA_FILE."
                : $"The TLS connection to '{endpoint.IdnHost}' failed ({SentenceText.Clean(e.Message)}); if a proxy or private CA signs the certificate, add that CA to the system trust store, point SSL_CERT_FILE at it, or name it in ASSETBRIDGE_EXTRA_CA_FILE.");
        }
    }

    /// <summary>The certificate's expiry in UTC, written the same on every machine (not in the local culture).</summary>
    private static string Expiry(System.Security.Cryptography.X509Certificates.X509Certificate certificate) =>
        certificate is System.Security.Cryptography.X509Certificates.X509Certificate2 full
            ? full.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)
            : certificate.GetExpirationDateString();
}
