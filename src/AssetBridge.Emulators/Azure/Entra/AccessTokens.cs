using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using AssetBridge.Emulators.Azure.Hosting;
using AssetBridge.Emulators.Azure.State;

namespace AssetBridge.Emulators.Azure.Entra;

/// <summary>
/// Issues and checks access tokens: ES256 JWTs with the claims of an Entra v1 app-only token (aud,
/// iss, appid, appidacr, oid, tid, exp). Checking needs no stored state, so tokens survive nothing
/// but the emulator's key, and a principal's access is decided per request, not baked into the token.
/// </summary>
internal sealed class AccessTokens(string tenantId, TimeSpan lifetime, TimeProvider time, RequestIds ids) : IDisposable
{
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private string? keyId;

    public TimeSpan Lifetime => lifetime;

    public string Issuer => $"https://sts.windows.net/{tenantId}/";

    /// <summary>The signing key's kid: a base64url SHA-256 of its public key.</summary>
    public string KeyId => keyId ??= Base64Url.EncodeToString(SHA256.HashData(key.ExportSubjectPublicKeyInfo()).AsSpan(0, 20));

    /// <param name="credential">"1" for a client secret, "2" for a certificate (appidacr).</param>
    public string Issue(RegisteredPrincipal principal, string audience, string credential)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var header = new Dictionary<string, object> { ["typ"] = "JWT", ["alg"] = "ES256", ["kid"] = KeyId };
        var payload = new Dictionary<string, object>
        {
            ["aud"] = audience,
            ["iss"] = Issuer,
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + (long)lifetime.TotalSeconds,
            ["appid"] = principal.ClientId,
            ["appidacr"] = credential,
            ["idp"] = Issuer,
            ["oid"] = principal.ObjectId,
            ["sub"] = principal.ObjectId,
            ["tid"] = tenantId,
            ["uti"] = ids.Next(),
            ["ver"] = "1.0",
        };
        return Jwt.Encode(header, payload, data => key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    public TokenCheck Check(string token)
    {
        if (!Jwt.TryParse(token, out var jwt) || jwt.Algorithm != "ES256"
            || !key.VerifyData(jwt.SigningInput, jwt.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            return new TokenCheck(TokenStatus.Invalid, null, null, null);
        }

        var expires = jwt.Time("exp");
        var status = expires is null || expires <= time.GetUtcNow() ? TokenStatus.Expired
            : !string.Equals(jwt.Claim("tid"), tenantId, StringComparison.OrdinalIgnoreCase) ? TokenStatus.WrongTenant
            : TokenStatus.Valid;
        return new TokenCheck(status, jwt.Claim("appid"), jwt.Claim("aud"), expires);
    }

    /// <summary>The JSON Web Key Set served at /{tenant}/discovery/v2.0/keys.</summary>
    public void WriteKeySet(Utf8JsonWriter json)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        json.WriteStartObject();
        json.WriteStartArray("keys");
        json.WriteStartObject();
        json.WriteString("kty", "EC");
        json.WriteString("use", "sig");
        json.WriteString("kid", KeyId);
        json.WriteString("crv", "P-256");
        json.WriteString("x", Base64Url.EncodeToString(parameters.Q.X));
        json.WriteString("y", Base64Url.EncodeToString(parameters.Q.Y));
        json.WriteString("issuer", Issuer);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public void Dispose() => key.Dispose();
}

internal enum TokenStatus
{
    Valid,
    Invalid,
    Expired,
    WrongTenant,
}

/// <summary>What a bearer token says, once its signature holds.</summary>
internal sealed record TokenCheck(TokenStatus Status, string? ClientId, string? Audience, DateTimeOffset? ExpiresOn);
