using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AssetBridge.Connectors.ServiceNow.TableApi;
using AssetBridge.Core.Errors;

namespace AssetBridge.Connectors.ServiceNow.Authentication;

/// <summary>
/// Posts token requests to <c>{instance}/oauth_token.do</c> (form-encoded) and classifies what comes
/// back. Failures carry a sentence naming the cause and fix, never the secret or a token.
/// </summary>
internal sealed class OAuthTokenClient(HttpMessageInvoker http, Uri instance, TimeProvider time, TimeSpan timeout, int attempts)
{
    /// <summary>ServiceNow's documented token lifetime (1799 s), used when a reply omits expires_in.</summary>
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(1799);

    public Uri Endpoint { get; } = new(instance, "oauth_token.do");

    /// <summary>Sends one grant. A refused grant throws <see cref="TokenRefusedException"/> so the caller can fall back or explain.</summary>
    public async Task<OAuthToken> RequestAsync(IReadOnlyList<KeyValuePair<string, string>> form, string principal, CancellationToken cancellationToken)
    {
        var subject = new RequestSubject(instance, "the OAuth token endpoint", string.Empty, principal, attempts);
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            using var response = await http.SendAsync(request, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            return Interpret(response.StatusCode, body, subject);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw FailureSentences.TimedOut(subject, timeout);
        }
        catch (HttpRequestException e)
        {
            throw TransportFailures.Classify(e, subject);
        }
        catch (IOException e)
        {
            throw TransportFailures.Classify(e, subject);
        }
    }

    private OAuthToken Interpret(HttpStatusCode status, byte[] body, RequestSubject subject)
    {
        var code = (int)status;
        if (code is 429 or >= 500)
        {
            throw new TableApiException(
                TableApiFailure.ServerError, ErrorKind.Transient, retryHere: true,
                $"ServiceNow's OAuth token endpoint on {subject.Host} answered {code} {status} on all {attempts} attempts; run the sync again later.");
        }

        var (token, refresh, expiresIn, error) = Read(body);
        if (code == 200 && token is not null)
        {
            return new OAuthToken(token, refresh, time.GetUtcNow(), expiresIn ?? DefaultLifetime);
        }

        if (code == 200)
        {
            throw new TableApiException(
                TableApiFailure.Malformed, ErrorKind.BadResponse, retryHere: true,
                $"ServiceNow's OAuth token endpoint on {subject.Host} answered without an access token on all {attempts} attempts; check that {Endpoint.GetLeftPart(UriPartial.Path)} is the instance's token endpoint.");
        }

        if (code == 404)
        {
            throw new TableApiException(
                TableApiFailure.Unauthorized, ErrorKind.Authentication, retryHere: false,
                $"{subject.Host} has no OAuth token endpoint (404 for /oauth_token.do); check the instance URL and that the OAuth plugin is active, or use a Basic credential.");
        }

        throw new TokenRefusedException(code, error);
    }

    private static (string? Token, string? Refresh, TimeSpan? ExpiresIn, string? Error) Read(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return default;
            }

            return (Text(root, "access_token"), Text(root, "refresh_token"), Seconds(root, "expires_in"), Text(root, "error"));
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static TimeSpan? Seconds(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return null;
        }

        var seconds = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
            _ => 0,
        };
        return seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;
    }
}

/// <summary>The token endpoint refused a grant (4xx). <see cref="Error"/> is the OAuth error code, e.g. invalid_client.</summary>
internal sealed class TokenRefusedException(int status, string? error) : Exception($"The token endpoint refused the grant ({status} {error}).")
{
    public int Status { get; } = status;

    public string? Error { get; } = error;
}
