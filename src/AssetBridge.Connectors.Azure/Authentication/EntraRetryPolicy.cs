using System.Net.Sockets;
using System.Security.Authentication;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AssetBridge.Connectors.Azure.Authentication;

/// <summary>
/// Azure.Core's retry policy for token requests, except that a failure no retry can cure — a
/// certificate that is not trusted, a host name that does not resolve — fails at once, so the user
/// reads its sentence in a second instead of after the whole backoff.
/// </summary>
internal sealed class EntraRetryPolicy(int maxRetries, DelayStrategy delay) : RetryPolicy(maxRetries, delay)
{
    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        !IsPermanent(exception) && base.ShouldRetry(message, exception);

    protected override ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
        IsPermanent(exception) ? ValueTask.FromResult(false) : base.ShouldRetryAsync(message, exception);

    internal static bool IsPermanent(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AuthenticationException || e is SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData })
            {
                return true;
            }
        }

        return false;
    }
}
