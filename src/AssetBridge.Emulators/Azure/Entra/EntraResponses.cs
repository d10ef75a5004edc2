using System.Globalization;
using System.Text.Json;
using AssetBridge.Emulators.Azure.Hosting;
using Microsoft.AspNetCore.Http;

namespace AssetBridge.Emulators.Azure.Entra;

/// <summary>
/// Writes Entra's JSON bodies. Errors follow entra_token_error_invalid_scope.json: error,
/// error_description ("AADSTS{code}: {sentence}" then trace id, correlation id and timestamp lines),
/// error_codes, timestamp, trace_id, correlation_id, plus error_uri as the live service adds.
/// </summary>
internal static class EntraResponses
{
    public static async Task WriteErrorAsync(HttpContext context, EntraError error, TimeProvider time, RequestIds ids)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var timestamp = now.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var traceId = ids.Next();

        // MSAL sends client-request-id; Entra answers with it as the correlation id.
        var correlationId = Guid.TryParse(context.Request.Headers["client-request-id"].ToString(), out var given) ? given.ToString("D") : ids.Next();
        var response = context.Response;
        response.StatusCode = error.Status;
        NoStore(response);
        response.Headers["x-ms-request-id"] = traceId;
        await WriteJsonAsync(response, json =>
        {
            json.WriteStartObject();
            json.WriteString("error", error.Error);
            json.WriteString("error_description", string.Create(
                CultureInfo.InvariantCulture,
                $"AADSTS{error.Code}: {error.Message}\r\nTrace ID: {traceId}\r\nCorrelation ID: {correlationId}\r\nTimestamp: {timestamp}"));
            json.WriteStartArray("error_codes");
            json.WriteNumberValue(error.Code);
            json.WriteEndArray();
            json.WriteString("timestamp", timestamp);
            json.WriteString("trace_id", traceId);
            json.WriteString("correlation_id", correlationId);
            json.WriteString("error_uri", $"{context.Request.Scheme}://{context.Request.Host}/error?code={error.Code}");
            json.WriteEndObject();
        }).ConfigureAwait(false);
    }

    /// <summary>Token responses must not be cached (RFC 6749 5.1).</summary>
    public static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store, no-cache";
        response.Headers.Pragma = "no-cache";
    }

    public static async Task WriteJsonAsync(HttpResponse response, Action<Utf8JsonWriter> write)
    {
        response.ContentType = "application/json; charset=utf-8";
        var body = JsonBody.Render(write);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, response.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
