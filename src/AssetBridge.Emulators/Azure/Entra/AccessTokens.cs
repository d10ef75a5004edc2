using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using AssetBridge.Emulators.Azure.Hosting;
using AssetBridge.Emulators.Azure.State;

namespace AssetBridge.Emulators.Azure.Entra;

/// <summary>
/// Issues and checks access tokens: ES256 JWTs with the claims of an Entra v1 app-only token (aud,
/// iss, appid, appidacr, oid, tid, exp). Checking needs only the emulator's key, and a principal's
/// access is decided per request, not baked into the token. A token's signature is verified once;
/// its claims are then remembered, so the clock is all a repeat costs.
/// </summary>
internal sealed class AccessTokens(string tenantId, TimeSpan lifetime, TimeProvider time, RequestIds ids) : IDisposable
{
    // Bounds the memory of remembered tokens; forgetting only costs one more verification.
    private const int RememberedTokens = 10_000;

    // Crypto objects promise nothing about concurrent use of one instance; the key is used under this lock.
    private readonly Lock keyGate = new();
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ConcurrentDictionary<string, Claims> verified = new(StringComparer.Ordinal);
    private string? keyId;

    public TimeSpan Lifetime => lifetime;

    public string Issuer => $"https://sts.windows.net/{tenantId}/";

    /// <summary>The signing key's kid: a base64url SHA-256 of its public key.</summary>
    public string KeyId
    {
        get
        {
            if (keyId is null)
            {
                lock (keyGate)
                {
                    keyId ??= Base64Url.EncodeToString(SHA256.HashData(key.ExportSubjectPublicKeyInfo()).AsSpan(0, 20));
                }
            }

            return keyId;
        }
    }

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
        return Jwt.Encode(header, payload, data =>
        {
            lock (keyGate)
            {
                return key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            }
        });
    }

    public TokenCheck Check(string token)
    {
        if (!verified.TryGetValue(token, out var claims))
        {
            if (!Jwt.TryParse(token, out var jwt) || jwt.Algorithm != "ES256" || !Verify(jwt))
            {
                return new TokenCheck(TokenStatus.Invalid, null, null, null);
            }

            if (verified.Count >= RememberedTokens)
            {
                verified.Clear();
            }

            claims = new Claims(jwt.Claim("appid"), jwt.Claim("aud"), jwt.Claim("tid"), jwt.Time("exp"));
            verified[token] = claims;
        }

        var status = claims.ExpiresOn is null || claims.ExpiresOn <= time.GetUtcNow() ? TokenStatus.Expired
            : !string.Equals(claims.TenantId, tenantId, StringComparison.OrdinalIgnoreCase) ? TokenStatus.WrongTenant
            : TokenStatus.Valid;
        return new TokenCheck(status, claims.ClientId, claims.Audience, claims.ExpiresOn);
    }

    /// <summary>The JSON Web Key Set served at /{tenant}/discovery/v2.0/keys.</summary>
    public void WriteKeySet(Utf8JsonWriter json)
    {
        ECParameters parameters;
        lock (keyGate)
        {
            parameters = key.ExportParameters(includePrivateParameters: false);
        }

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

    private bool Verify(Jwt jwt)
    {
        lock (keyGate)
        {
            return key.VerifyData(jwt.SigningInput, jwt.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
    }

    private sealed record Claims(string? ClientId, string? Audience, string? TenantId, DateTimeOffset? ExpiresOn);
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
