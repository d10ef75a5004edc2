using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace AssetBridge.Storage.Vault;

/// <summary>
/// AES-256-GCM envelope encryption. Each secret gets a fresh data key; the data key is wrapped by the
/// master key. Both layers authenticate the same associated data (credential id, type, key id), so an
/// envelope copied onto another row, or altered by one bit, fails to open.
/// </summary>
/// <remarks>
/// Layout: version(1) | wrapNonce(12) | wrapTag(16) | wrappedKey(32) | dataNonce(12) | dataTag(16) | ciphertext.
/// </remarks>
internal static class EnvelopeCipher
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int KeySize = 32;
    private const int HeaderSize = 1 + NonceSize + TagSize + KeySize + NonceSize + TagSize;

    public static byte[] Seal(MasterKey master, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var envelope = new byte[HeaderSize + plaintext.Length];
        envelope[0] = Version;
        var wrapNonce = envelope.AsSpan(1, NonceSize);
        var wrapTag = envelope.AsSpan(1 + NonceSize, TagSize);
        var wrappedKey = envelope.AsSpan(1 + NonceSize + TagSize, KeySize);
        var dataNonce = envelope.AsSpan(1 + NonceSize + TagSize + KeySize, NonceSize);
        var dataTag = envelope.AsSpan(1 + NonceSize + TagSize + KeySize + NonceSize, TagSize);
        var ciphertext = envelope.AsSpan(HeaderSize);

        Span<byte> dataKey = stackalloc byte[KeySize];
        RandomNumberGenerator.Fill(dataKey);
        try
        {
            RandomNumberGenerator.Fill(wrapNonce);
            RandomNumberGenerator.Fill(dataNonce);
            using (var wrap = new AesGcm(master.Bytes, TagSize))
            {
                wrap.Encrypt(wrapNonce, dataKey, wrappedKey, wrapTag, associatedData);
            }

            using var data = new AesGcm(dataKey, TagSize);
            data.Encrypt(dataNonce, plaintext, ciphertext, dataTag, associatedData);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }

        return envelope;
    }

    /// <exception cref="CryptographicException">The envelope is malformed, altered, or sealed under another key or row.</exception>
    public static byte[] Open(MasterKey master, ReadOnlySpan<byte> envelope, ReadOnlySpan<byte> associatedData)
    {
        if (envelope.Length < HeaderSize || envelope[0] != Version)
        {
            throw new CryptographicException("The envelope is malformed.");
        }

        var wrapNonce = envelope.Slice(1, NonceSize);
        var wrapTag = envelope.Slice(1 + NonceSize, TagSize);
        var wrappedKey = envelope.Slice(1 + NonceSize + TagSize, KeySize);
        var dataNonce = envelope.Slice(1 + NonceSize + TagSize + KeySize, NonceSize);
        var dataTag = envelope.Slice(1 + NonceSize + TagSize + KeySize + NonceSize, TagSize);
        var ciphertext = envelope[HeaderSize..];

        Span<byte> dataKey = stackalloc byte[KeySize];
        try
        {
            using (var wrap = new AesGcm(master.Bytes, TagSize))
            {
                wrap.Decrypt(wrapNonce, wrappedKey, wrapTag, dataKey, associatedData);
            }

            var plaintext = new byte[ciphertext.Length];
            using var data = new AesGcm(dataKey, TagSize);
            data.Decrypt(dataNonce, ciphertext, dataTag, plaintext, associatedData);
            return plaintext;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>The associated data binding an envelope to its row.</summary>
    public static byte[] AssociatedData(long credentialId, string type, string keyId)
    {
        var text = Encoding.UTF8.GetBytes($"assetbridge-credential|{type}|{keyId}");
        var data = new byte[8 + text.Length];
        BinaryPrimitives.WriteInt64BigEndian(data, credentialId);
        text.CopyTo(data, 8);
        return data;
    }
}
