using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AssetBridge.Emulators.Azure.Hosting;
using AssetBridge.Emulators.Azure.State;

namespace AssetBridge.Emulators.Azure.Entra;

/// <summary>
/// Checks a client assertion (RFC 7523 private_key_jwt) as Entra does: signed RS256, PS256 or ES256 by
/// the principal's registered certificate (x5t / x5t#S256, when sent, must name it); iss and sub are
/// the client id; aud is this tenant's token endpoint (v2 or v1) or its issuer; and the time is
/// between nbf and exp, five minutes of clock skew allowed.
/// </summary>
internal sealed class ClientAssertionValidator(ListenAddress address, TimeProvider time)
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public EntraError? Validate(string assertion, RegisteredPrincipal principal, string tenantInPath, string tenantId)
    {
        if (!Jwt.TryParse(assertion, out var jwt))
        {
            return EntraError.InvalidAssertion("The client assertion is not a well-formed JWT.");
        }

        if (principal.Registration.Certificate is not { } certificate)
        {
            return EntraError.UnregisteredCertificate(principal.ClientId, jwt.HeaderText("x5t") ?? jwt.HeaderText("x5t#S256") ?? "(none)");
        }

        if (!NamesCertificate(jwt, certificate, out var thumbprint))
        {
            return EntraError.UnregisteredCertificate(principal.ClientId, thumbprint);
        }

        if (!SignatureHolds(jwt, certificate))
        {
            return EntraError.InvalidAssertion($"The signature does not verify with the key of the certificate registered for app '{principal.ClientId}' (alg '{jwt.Algorithm}').");
        }

        if (!string.Equals(jwt.Claim("iss"), principal.ClientId, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(jwt.Claim("sub"), principal.ClientId, StringComparison.OrdinalIgnoreCase))
        {
            return EntraError.InvalidAssertion($"The assertion's iss and sub must both be the client id '{principal.ClientId}'.");
        }

        if (!jwt.Audiences().Any(aud => IsTokenEndpoint(aud, tenantInPath, tenantId)))
        {
            return EntraError.InvalidAssertion($"The assertion's audience must be this tenant's token endpoint, {address.Value}{tenantInPath}/oauth2/v2.0/token.");
        }

        var now = time.GetUtcNow();
        var (notBefore, expires) = (jwt.Time("nbf"), jwt.Time("exp"));
        if (expires is null || expires + ClockSkew <= now || notBefore > now + ClockSkew)
        {
            return EntraError.AssertionOutsideValidTime(now, notBefore, expires);
        }

        return null;
    }

    private static bool NamesCertificate(Jwt jwt, X509Certificate2 certificate, out string sent)
    {
        var sha1 = Base64Url.EncodeToString(certificate.GetCertHash(HashAlgorithmName.SHA1));
        var sha256 = Base64Url.EncodeToString(certificate.GetCertHash(HashAlgorithmName.SHA256));
        var x5t = jwt.HeaderText("x5t");
        var x5tS256 = jwt.HeaderText("x5t#S256");
        sent = x5t ?? x5tS256 ?? string.Empty;
        return (x5t is null || x5t == sha1) && (x5tS256 is null || x5tS256 == sha256);
    }

    private static bool SignatureHolds(Jwt jwt, X509Certificate2 certificate)
    {
        switch (jwt.Algorithm)
        {
            case "RS256" or "PS256":
                using (var rsa = certificate.GetRSAPublicKey())
                {
                    var padding = jwt.Algorithm == "RS256" ? RSASignaturePadding.Pkcs1 : RSASignaturePadding.Pss;
                    return rsa is not null && rsa.VerifyData(jwt.SigningInput, jwt.Signature, HashAlgorithmName.SHA256, padding);
                }

            case "ES256":
                using (var ecdsa = certificate.GetECDsaPublicKey())
                {
                    return ecdsa is not null && ecdsa.VerifyData(jwt.SigningInput, jwt.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
                }

            default:
                return false;
        }
    }

    /// <summary>The emulator's token endpoint under either host name, for the tenant as addressed or by id.</summary>
    private bool IsTokenEndpoint(string audience, string tenantInPath, string tenantId)
    {
        if (!Uri.TryCreate(audience, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || uri.Port != address.Value.Port
            || !(uri.Host == "127.0.0.1" || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        foreach (var tenant in new[] { tenantInPath, tenantId })
        {
            foreach (var suffix in new[] { "/oauth2/v2.0/token", "/oauth2/token", "/v2.0" })
            {
                if (string.Equals(path, "/" + tenant + suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
