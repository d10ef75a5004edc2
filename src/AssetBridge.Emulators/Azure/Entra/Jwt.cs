using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace AssetBridge.Emulators.Azure.Entra;

/// <summary>A compact JWS split into its parts; no claim is trusted until the signature is checked.</summary>
internal sealed class Jwt
{
    private Jwt(JsonElement header, JsonElement payload, byte[] signingInput, byte[] signature)
    {
        Header = header;
        Payload = payload;
        SigningInput = signingInput;
        Signature = signature;
    }

    public JsonElement Header { get; }

    public JsonElement Payload { get; }

    /// <summary>The ASCII bytes "header.payload" that the signature covers.</summary>
    public byte[] SigningInput { get; }

    public byte[] Signature { get; }

    public string? Algorithm => HeaderText("alg");

    public static bool TryParse(string? text, out Jwt jwt)
    {
        jwt = null!;
        var parts = text?.Split('.');
        if (parts is not { Length: 3 } || parts[2].Length == 0)
        {
            return false;
        }

        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            if (header.RootElement.ValueKind != JsonValueKind.Object || payload.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            jwt = new Jwt(
                header.RootElement.Clone(),
                payload.RootElement.Clone(),
                Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]),
                Base64Url.DecodeFromChars(parts[2]));
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }
    }

    public string? HeaderText(string name) =>
        Header.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public string? Claim(string name) =>
        Payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>
    /// A NumericDate claim (exp, nbf, iat); null when absent or not a number. MSAL.NET writes these
    /// as JSON strings of digits in its client assertions, and Entra accepts that, so this does too.
    /// </summary>
    public DateTimeOffset? Time(string name)
    {
        if (!Payload.TryGetProperty(name, out var value))
        {
            return null;
        }

        var seconds = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.String when long.TryParse(value.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var text) => text,
            _ => (long?)null,
        };
        return seconds is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : null;
    }

    /// <summary>aud may be a string or an array of strings.</summary>
    public IEnumerable<string> Audiences()
    {
        if (!Payload.TryGetProperty("aud", out var aud))
        {
            yield break;
        }

        if (aud.ValueKind == JsonValueKind.String)
        {
            yield return aud.GetString()!;
        }
        else if (aud.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in aud.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String))
            {
                yield return item.GetString()!;
            }
        }
    }

    public static string Encode(object header, object payload, Func<byte[], byte[]> sign)
    {
        var signingInput = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));
        return signingInput + "." + Base64Url.EncodeToString(sign(Encoding.ASCII.GetBytes(signingInput)));
    }
}
