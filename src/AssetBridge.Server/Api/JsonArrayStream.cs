using System.Text.Json;
using AssetBridge.Core.Application;
using Microsoft.AspNetCore.Http;

namespace AssetBridge.Server.Api;

/// <summary>
/// Writes a stream as one JSON array, element by element, so millions of devices never sit in memory.
/// The first element is read before the status is sent: an error the source raises at once (an unknown
/// connector) still becomes a problem body.
/// </summary>
internal static class JsonArrayStream
{
    private const int FlushEvery = 256;

    public static async Task WriteAsync<T>(HttpContext context, IAsyncEnumerable<T> items)
    {
        var cancellationToken = context.RequestAborted;
        var enumerator = items.GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            var any = await enumerator.MoveNextAsync().ConfigureAwait(false);
            context.Response.ContentType = "application/json; charset=utf-8";
            await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
            writer.WriteStartArray();
            var count = 0;
            while (any)
            {
                JsonSerializer.Serialize(writer, enumerator.Current, ControlPlaneJson.Options);
                if (++count % FlushEvery == 0)
                {
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }

                any = await enumerator.MoveNextAsync().ConfigureAwait(false);
            }

            writer.WriteEndArray();
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
