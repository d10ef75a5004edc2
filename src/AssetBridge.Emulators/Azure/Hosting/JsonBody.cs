using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AssetBridge.Emulators.Azure.Hosting;

/// <summary>Renders a JSON body to bytes first, so a fault can cut it and Content-Length is exact.</summary>
internal static class JsonBody
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Render(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
