using System.Net;
using System.Text.Json;
using AssetBridge.Core.Errors;

namespace AssetBridge.Cli.Remote;

/// <summary>Turns a server's problem body back into the error it was: its sentence, and its kind (so the exit code is the same).</summary>
internal static class ProblemReader
{
    public static async Task<AssetBridgeException> ReadAsync(HttpResponseMessage response, Uri server, CancellationToken cancellationToken)
    {
        string? detail = null;
        string? kind = null;
        try
        {
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), default, cancellationToken).ConfigureAwait(false);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                detail = document.RootElement.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                kind = document.RootElement.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
            }
        }
        catch (JsonException)
        {
            // Not a problem body (a proxy's page): the status decides below.
        }

        var errorKind = kind is not null && Enum.TryParse<ErrorKind>(kind, ignoreCase: true, out var parsed) ? parsed : KindOf(response.StatusCode);
        return new AssetBridgeException(errorKind, detail ?? $"The server at {server} answered {(int)response.StatusCode} {response.ReasonPhrase}; check --server and the server's log.");
    }

    private static ErrorKind KindOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => ErrorKind.Usage,
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ErrorKind.Authentication,
        HttpStatusCode.NotFound => ErrorKind.NotFound,
        HttpStatusCode.Conflict => ErrorKind.Conflict,
        HttpStatusCode.TooManyRequests => ErrorKind.RateLimited,
        _ => ErrorKind.Transient,
    };
}
