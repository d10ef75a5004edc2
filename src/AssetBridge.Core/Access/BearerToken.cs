using System.Security.Cryptography;
using System.Text;

namespace AssetBridge.Core.Access;

/// <summary>
/// Bearer tokens: 32 random bytes, base64url, behind a prefix that says what the token is for
/// (<c>abt_</c> API, <c>abe_</c> enrolment, <c>abs_</c> agent session). Only the SHA-256 is stored.
/// </summary>
public static class BearerToken
{
    public static string New(TokenKind kind) => Prefix(kind) + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The lower-case hex SHA-256 of the token, as stored.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string Prefix(TokenKind kind) => kind switch
    {
        TokenKind.Enrollment => "abe_",
        TokenKind.AgentSession => "abs_",
        _ => "abt_",
    };

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
