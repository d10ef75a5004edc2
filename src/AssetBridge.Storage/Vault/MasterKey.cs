using System.Security.Cryptography;
using AssetBridge.Core.Errors;

namespace AssetBridge.Storage.Vault;

/// <summary>
/// The 256-bit key that wraps every credential's data key. It lives outside the database: in
/// <c>master.key</c> in the data directory (owner-only) or in <c>ASSETBRIDGE_MASTER_KEY</c>.
/// Its id (first 8 bytes of its SHA-256, hex) is stored beside each envelope so keys can rotate.
/// </summary>
public sealed class MasterKey : IDisposable
{
    public const string EnvironmentVariable = "ASSETBRIDGE_MASTER_KEY";
    public const string FileName = "master.key";
    public const int Size = 32;

    private readonly byte[] _key;

    private MasterKey(byte[] key)
    {
        _key = key;
        KeyId = Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(0, 8));
    }

    public string KeyId { get; }

    internal ReadOnlySpan<byte> Bytes => _key;

    /// <summary>A new random key (used by <c>init</c>).</summary>
    public static MasterKey Generate() => new(RandomNumberGenerator.GetBytes(Size));

    /// <summary>Parses the base64 text form; anything else is a configuration error naming its source.</summary>
    public static MasterKey FromBase64(string text, string source)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new AssetBridgeException(ErrorKind.Configuration, $"The master key in {source} is not base64; restore the original key (a master key is 32 random bytes in base64).");
        }

        if (bytes.Length != Size)
        {
            throw new AssetBridgeException(ErrorKind.Configuration, $"The master key in {source} is {bytes.Length} bytes, not {Size}; restore the original key (32 random bytes in base64).");
        }

        return new MasterKey(bytes);
    }

    public string ToBase64() => Convert.ToBase64String(_key);

    public void Dispose() => CryptographicOperations.ZeroMemory(_key);
}
