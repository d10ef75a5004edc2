using System.Net.Sockets;
using System.Security.Authentication;
using AssetBridge.Connectors.Azure.Transport;
using AssetBridge.Core.Errors;

namespace AssetBridge.Connectors.Azure.Failures;

/// <summary>
/// Classifies exceptions thrown while sending or reading, by the error codes .NET reports, never by
/// message text. Used for ARM requests and for the Entra ID token requests Azure.Identity wraps.
/// </summary>
internal static class TransportFailures
{
    /// <summary>The transport failure somewhere in <paramref name="exception"/>'s chain, or null when it holds none.</summary>
    public static AzureApiException? Find(Exception exception, string service, Uri endpoint, int attempts, ServerTrust trust)
    {
        if (Find<HttpRequestException>(exception) is { } http)
        {
            return Classify(http, service, endpoint, attempts, trust);
        }

        if (Find<AuthenticationException>(exception) is { } tls)
        {
            return TlsFailed(service, endpoint, tls, trust);
        }

        if (Find<SocketException>(exception) is { } socket)
        {
            return Socket(socket, service, endpoint, attempts);
        }

        return Find<IOException>(exception) is { } io ? Reset(service, endpoint, attempts, io) : null;
    }

    public static AzureApiException Classify(Exception exception, string service, Uri endpoint, int attempts, ServerTrust trust)
    {
        if (exception is HttpRequestException http)
        {
            switch (http.HttpRequestError)
            {
                case HttpRequestError.NameResolutionError:
                    return NameDoesNotResolve(service, endpoint, http);
                case HttpRequestError.SecureConnectionError:
                    return TlsFailed(service, endpoint, http, trust);
                case HttpRequestError.ConnectionError:
                    return Find<SocketException>(http) is { } s ? Socket(s, service, endpoint, attempts) : ConnectFailed(service, endpoint, attempts, http);
            }

            if (Find<SocketException>(http) is { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData })
            {
                return NameDoesNotResolve(service, endpoint, http);
            }

            if (Find<AuthenticationException>(http) is not null)
            {
                return TlsFailed(service, endpoint, http, trust);
            }
        }

        // Resets, a body cut short, a protocol error mid-response: the request may succeed if sent again.
        return Reset(service, endpoint, attempts, exception);
    }

    public static AzureApiException TimedOut(string service, Uri endpoint, TimeSpan timeout, int attempts) => new(
        AzureFailure.Timeout, ErrorKind.Unreachable, retryHere: true,
        $"{service} at {endpoint.IdnHost} did not answer within {timeout.TotalSeconds:0.#} s on all {attempts} attempts; check the network path (proxy, firewall) and run the sync again later.");

    private static AzureApiException Socket(SocketException socket, string service, Uri endpoint, int attempts) => socket.SocketErrorCode switch
    {
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => NameDoesNotResolve(service, endpoint, socket),
        SocketError.ConnectionRefused => new AzureApiException(
            AzureFailure.ConnectionFailed, ErrorKind.Unreachable, retryHere: true,
            $"Nothing accepted a connection to {service} at {endpoint.IdnHost}:{endpoint.Port} (connection refused) in {attempts} attempts; check the host name and that no firewall or proxy blocks it.", socket),
        _ => ConnectFailed(service, endpoint, attempts, socket),
    };

    private static AzureApiException NameDoesNotResolve(string service, Uri endpoint, Exception inner) => new(
        AzureFailure.NameResolution, ErrorKind.Unreachable, retryHere: false,
        $"The host name '{endpoint.IdnHost}' of {service} does not resolve; check the connector's {(service.StartsWith("Entra", StringComparison.Ordinal) ? "authority host" : "ARM endpoint")} and this machine's DNS.", inner);

    private static AzureApiException TlsFailed(string service, Uri endpoint, Exception inner, ServerTrust trust) => new(
        AzureFailure.Tls, ErrorKind.Unreachable, retryHere: false,
        trust.RejectionOf(endpoint.IdnHost) is { } reason
            ? $"The certificate of {service} at '{endpoint.IdnHost}' is not trusted here: {reason}; if a proxy or private CA signs it, add that CA to the system trust store, point SSL_CERT_FILE at it, or name it in ASSETBRIDGE_EXTRA_CA_FILE."
            : $"The TLS connection to {service} at '{endpoint.IdnHost}' failed ({SentenceText.Innermost(inner)}); check that no proxy intercepts TLS, and if a private CA signs the certificate, add that CA to the system trust store, point SSL_CERT_FILE at it, or name it in ASSETBRIDGE_EXTRA_CA_FILE.",
        inner);

    private static AzureApiException ConnectFailed(string service, Uri endpoint, int attempts, Exception inner) => new(
        AzureFailure.ConnectionFailed, ErrorKind.Unreachable, retryHere: true,
        $"AssetBridge could not connect to {service} at {endpoint.IdnHost}:{endpoint.Port} ({SentenceText.Innermost(inner)}) in {attempts} attempts; check the network path (firewall, proxy, VPN).", inner);

    private static AzureApiException Reset(string service, Uri endpoint, int attempts, Exception inner) => new(
        AzureFailure.ConnectionReset, ErrorKind.Transient, retryHere: true,
        $"The connection to {service} at {endpoint.IdnHost} broke ({SentenceText.Innermost(inner)}) on all {attempts} attempts; check the network path (proxy, VPN) and run the sync again.", inner);

    private static T? Find<T>(Exception? e)
        where T : Exception
    {
        while (e is not null)
        {
            if (e is T match)
            {
                return match;
            }

            e = e is AggregateException { InnerExceptions.Count: > 0 } aggregate ? aggregate.InnerExceptions[0] : e.InnerException;
        }

        return null;
    }
}
