using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AssetBridge.Emulators.ServiceNow.Api;

/// <summary>
/// The error body every ServiceNow REST API uses: {"error":{"message","detail"},"status":"failure"}.
/// The messages here are the ones a real instance sends (reference doc section 5; fixtures).
/// </summary>
internal static class ErrorEnvelope
{
    public const string JsonContentType = "application/json;charset=UTF-8";

    public static Task NotAuthenticatedAsync(HttpResponse response)
    {
        // A real instance answers Basic failures with this challenge; clients key retries off 401 alone.
        response.Headers.WWWAuthenticate = "BASIC realm=\"Service-now\"";
        return WriteAsync(response, StatusCodes.Status401Unauthorized, "User Not Authenticated", "Required to provide Auth information");
    }

    public static Task NotPartOfApiAsync(HttpResponse response) =>
        WriteAsync(response, StatusCodes.Status400BadRequest, "The resource you requested is not part of the API.", " ");

    public static async Task WriteAsync(HttpResponse response, int status, string message, string? detail)
    {
        response.StatusCode = status;
        response.ContentType = JsonContentType;
        Write(response.BodyWriter, message, detail);
        await response.BodyWriter.FlushAsync(response.HttpContext.RequestAborted).ConfigureAwait(false);
    }

    public static void Write(System.Buffers.IBufferWriter<byte> body, string message, string? detail)
    {
        using var json = new Utf8JsonWriter(body, RecordRenderer.WriterOptions);
        json.WriteStartObject();
        json.WriteStartObject("error");
        json.WriteString("message", message);
        if (detail is null)
        {
            json.WriteNull("detail");
        }
        else
        {
            json.WriteString("detail", detail);
        }

        json.WriteEndObject();
        json.WriteString("status", "failure");
        json.WriteEndObject();
    }
}
