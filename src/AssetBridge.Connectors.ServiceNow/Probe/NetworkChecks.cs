using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using AssetBridge.Connectors.ServiceNow.TableApi;
using AssetBridge.Core.Connectors;

namespace AssetBridge.Connectors.ServiceNow.Probe;

/// <summary>The probe's network steps: the host name resolves, and a TCP (and for https, TLS) connection opens.</summary>
internal sealed class NetworkChecks(TimeProvider time)
{
    public async Task<ProbeCheck> ResolveAsync(Uri instance, CancellationToken cancellationToken)
    {
        const string name = "DNS resolution";
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(instance.IdnHost, cancellationToken).ConfigureAwait(false);
            if (addresses.Length > 0)
            {
                return new ProbeCheck(name, true, $"{instance.IdnHost} resolves to {string.Join(", ", addresses.Take(4).Select(a => a.ToString()))}.");
            }
        }
        catch (SocketException)
        {
        }

        return new ProbeCheck(name, false, $"The host name '{instance.IdnHost}' does not resolve; check the instance URL (e.g. {FailureSentences.ExampleUrl}).");
    }

    public async Task<ProbeCheck> ConnectAsync(Uri instance, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var https = instance.Scheme == Uri.UriSchemeHttps;
        var name = https ? "TLS connection" : "TCP connection";
        var endpoint = $"{instance.IdnHost}:{instance.Port}";
        var proxy = HttpClient.DefaultProxy.GetProxy(instance);
        if (proxy is not null && proxy != instance && !HttpClient.DefaultProxy.IsBypassed(instance))
        {
            return new ProbeCheck(name, true, $"Requests to {endpoint} go through the proxy {proxy.IdnHost}; the authentication step checks the connection.");
        }

        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(instance.IdnHost, instance.Port, linked.Token).ConfigureAwait(false);
            if (!https)
            {
                return new ProbeCheck(name, true, $"Connected to {endpoint} (plain http, allowed to loopback only).");
            }

            await using var tls = new SslStream(tcp.GetStream());
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = instance.IdnHost }, linked.Token).ConfigureAwait(false);
            var certificate = tls.RemoteCertificate;
            var until = certificate is null ? string.Empty : $", certificate for {certificate.Subject} valid until {Expiry(certificate)}";
            return new ProbeCheck(name, true, $"Connected to {endpoint} over {tls.SslProtocol}{until}.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeCheck(name, false, $"No connection to {endpoint} within {timeout.TotalSeconds:0.#} s; check the instance URL and that no firewall or proxy blocks it.");
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return new ProbeCheck(name, false, $"Nothing accepted a connection to {endpoint} (connection refused); check the instance URL and that no firewall or proxy blocks it.");
        }
        catch (SocketException e)
        {
            return new ProbeCheck(name, false, $"AssetBridge could not connect to {endpoint} ({e.SocketErrorCode}); check the instance URL and the network path (firewall, proxy, VPN).");
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            return new ProbeCheck(name, false, $"The TLS connection to '{instance.IdnHost}' failed ({FailureSentences.Clean(e.Message)}); if a proxy or private CA signs the certificate, add that CA to the system trust store or point SSL_CERT_FILE at it.");
        }
    }

    /// <summary>The certificate's expiry in UTC, written the same on every machine (not in the local culture).</summary>
    private static string Expiry(System.Security.Cryptography.X509Certificates.X509Certificate certificate) =>
        certificate is System.Security.Cryptography.X509Certificates.X509Certificate2 full
            ? full.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)
            : certificate.GetExpirationDateString();
}
