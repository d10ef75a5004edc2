using System.Net.Sockets;
using System.Security.Authentication;

namespace AssetBridge.Connectors.ServiceNow.TableApi;

/// <summary>Classifies exceptions thrown while sending or reading, by the error codes .NET reports, never by message text.</summary>
internal static class TransportFailures
{
    public static TableApiException Classify(Exception exception, RequestSubject subject)
    {
        if (exception is HttpRequestException http)
        {
            switch (http.HttpRequestError)
            {
                case HttpRequestError.NameResolutionError:
                    return FailureSentences.NameDoesNotResolve(subject, http);
                case HttpRequestError.SecureConnectionError:
                    return FailureSentences.TlsFailed(subject, http);
                case HttpRequestError.ConnectionError:
                    return SocketErrorOf(http) == SocketError.ConnectionRefused
                        ? FailureSentences.ConnectionRefused(subject, http)
                        : FailureSentences.ConnectFailed(subject, http);
            }

            if (SocketErrorOf(http) is SocketError.HostNotFound or SocketError.NoData)
            {
                return FailureSentences.NameDoesNotResolve(subject, http);
            }

            if (Find<AuthenticationException>(http) is not null)
            {
                return FailureSentences.TlsFailed(subject, http);
            }
        }

        // Resets, a body cut short, a protocol error mid-response: the request may succeed if sent again.
        return FailureSentences.ConnectionReset(subject, exception);
    }

    private static SocketError? SocketErrorOf(Exception e) => Find<SocketException>(e)?.SocketErrorCode;

    private static T? Find<T>(Exception? e)
        where T : Exception
    {
        while (e is not null)
        {
            if (e is T match)
            {
                return match;
            }

            e = e.InnerException;
        }

        return null;
    }
}
