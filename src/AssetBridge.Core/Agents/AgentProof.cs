using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AssetBridge.Core.Agents;

/// <summary>
/// The statements an agent signs with its ECDSA P-256 signing key (SHA-256, IEEE P1363 r||s) to prove
/// who it is: at enrolment, when it opens a session, and when it replaces its keys. Each statement names
/// its purpose, the agent, a timestamp the server accepts within <see cref="MaxClockSkew"/>, the SHA-256
/// thumbprint of the server certificate the agent sees (so a proof made for one server is useless to
/// another, or to a man in the middle) and, for enrolment and rekey, a digest of the public keys offered.
/// </summary>
public static class AgentProof
{
    public const string Enroll = "enroll";
    public const string Session = "session";
    public const string Rekey = "rekey";

    /// <summary>How far the agent's clock may be from the server's. Default 5 minutes.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public static byte[] Statement(string purpose, string agentName, long timestampMs, string serverThumbprint, byte[]? signingKey = null, byte[]? sealingKey = null)
    {
        var keys = signingKey is null || sealingKey is null
            ? "-"
            : Convert.ToHexStringLower(SHA256.HashData([.. signingKey, .. sealingKey]));
        return Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"assetbridge-agent-proof/v1\n{purpose}\n{agentName}\n{timestampMs}\n{serverThumbprint.ToLowerInvariant()}\n{keys}"));
    }

    public static byte[] Sign(ECDsa key, byte[] statement) => key.SignData(statement, HashAlgorithmName.SHA256);

    /// <summary>True when <paramref name="signature"/> over the statement verifies with the public key (SubjectPublicKeyInfo DER).</summary>
    public static bool Verify(byte[] publicKey, byte[] statement, byte[] signature)
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(publicKey, out _);
            return key.KeySize == 256 && key.VerifyData(statement, signature, HashAlgorithmName.SHA256);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public static bool IsFresh(long timestampMs, DateTimeOffset now) =>
        Math.Abs(now.ToUnixTimeMilliseconds() - (double)timestampMs) <= MaxClockSkew.TotalMilliseconds;

    /// <summary>Lower-case hex SHA-256 of a certificate's DER: how AssetBridge writes a server thumbprint.</summary>
    public static string Thumbprint(byte[] certificateDer) => Convert.ToHexStringLower(SHA256.HashData(certificateDer));

    /// <summary>A thumbprint as an operator may type it (colons, spaces, any case), normalised.</summary>
    public static string NormalizeThumbprint(string text) =>
        new string([.. text.Where(char.IsAsciiHexDigit)]).ToLowerInvariant();
}
