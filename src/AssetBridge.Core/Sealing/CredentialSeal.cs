using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Errors;

namespace AssetBridge.Core.Sealing;

/// <summary>
/// Seals a credential to an agent's public key and opens it with the private key: ECDH on P-256 with a
/// fresh ephemeral key per seal, HKDF-SHA256 to a 256-bit key, AES-256-GCM. The associated data binds
/// the job id, the agent name and its key version, so a sealed credential cannot be replayed for
/// another job, agent or key. The wire format is documented in docs/agent-protocol.md.
/// </summary>
public static class CredentialSeal
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] Salt = Encoding.ASCII.GetBytes("assetbridge-sealed-credential/v1");

    public static SealedCredential Seal(OpenedCredential credential, byte[] recipientSealingKey, long jobId, string agentName, int keyVersion)
    {
        using var recipient = ECDiffieHellman.Create();
        recipient.ImportSubjectPublicKeyInfo(recipientSealingKey, out _);
        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var ephemeralKey = ephemeral.ExportSubjectPublicKeyInfo();
        var associated = AssociatedData(jobId, agentName, keyVersion);
        var key = DeriveKey(ephemeral, recipient.PublicKey, ephemeralKey, recipientSealingKey, associated);
        var plaintext = Serialize(credential);
        try
        {
            var nonce = RandomNumberGenerator.GetBytes(NonceSize);
            var ciphertext = new byte[plaintext.Length];
            var tag = new byte[TagSize];
            using var aes = new AesGcm(key, TagSize);
            aes.Encrypt(nonce, plaintext, ciphertext, tag, associated);
            return new SealedCredential(SealedCredential.CurrentAlgorithm, jobId, agentName, keyVersion, ephemeralKey, nonce, ciphertext, tag);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>
    /// Opens a sealed credential for the job the caller holds. A seal for another job, agent or key, or
    /// a tampered one, fails with an authentication error; nothing of the secret is returned.
    /// </summary>
    public static OpenedCredential Open(SealedCredential sealedCredential, ECDiffieHellman sealingKey, long jobId, string agentName, int keyVersion)
    {
        if (sealedCredential.Algorithm != SealedCredential.CurrentAlgorithm)
        {
            throw new AssetBridgeException(ErrorKind.BadResponse, $"The server sealed the credential with '{sealedCredential.Algorithm}', which this agent does not know; upgrade the agent.");
        }

        if (sealedCredential.Nonce.Length != NonceSize || sealedCredential.Tag.Length != TagSize)
        {
            throw new AssetBridgeException(ErrorKind.BadResponse, "The sealed credential is malformed; the server or something between it and this agent altered it.");
        }

        using var ephemeral = ECDiffieHellman.Create();
        ephemeral.ImportSubjectPublicKeyInfo(sealedCredential.EphemeralKey, out _);
        var associated = AssociatedData(jobId, agentName, keyVersion);
        var key = DeriveKey(sealingKey, ephemeral.PublicKey, sealedCredential.EphemeralKey, sealingKey.ExportSubjectPublicKeyInfo(), associated);
        var plaintext = new byte[sealedCredential.Ciphertext.Length];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(sealedCredential.Nonce, sealedCredential.Ciphertext, sealedCredential.Tag, plaintext, associated);
            return Deserialize(plaintext);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new AssetBridgeException(
                ErrorKind.Authentication,
                $"The credential for job {jobId} was not sealed for this agent's current key; if the agent was rekeyed, restart it so it uses its new key.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static byte[] AssociatedData(long jobId, string agentName, int keyVersion) =>
        Encoding.UTF8.GetBytes(FormattableString.Invariant($"assetbridge-sealed-credential/v1\njob:{jobId}\nagent:{agentName}\nkey:{keyVersion}"));

    private static byte[] DeriveKey(ECDiffieHellman own, ECDiffieHellmanPublicKey other, byte[] ephemeralKey, byte[] recipientKey, byte[] associated)
    {
        var shared = own.DeriveRawSecretAgreement(other);
        try
        {
            // The info binds both public keys and the context, so the key is unique to this seal.
            var info = new byte[ephemeralKey.Length + recipientKey.Length + associated.Length];
            ephemeralKey.CopyTo(info, 0);
            recipientKey.CopyTo(info, ephemeralKey.Length);
            associated.CopyTo(info, ephemeralKey.Length + recipientKey.Length);
            return HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 32, Salt, info);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(shared);
        }
    }

    private static byte[] Serialize(OpenedCredential credential)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", credential.Info.Id);
            writer.WriteString("name", credential.Info.Name);
            writer.WriteString("type", credential.Info.Type);
            writer.WriteString("keyId", credential.Info.KeyId);
            writer.WriteString("createdAt", credential.Info.CreatedAt);
            writer.WriteStartObject("attributes");
            foreach (var (name, value) in credential.Info.Attributes)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
            writer.WriteStartObject("secret");
            foreach (var (name, value) in credential.Secret.Reveal())
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        var bytes = buffer.ToArray();
        CryptographicOperations.ZeroMemory(buffer.GetBuffer());
        return bytes;
    }

    private static OpenedCredential Deserialize(byte[] plaintext)
    {
        using var document = JsonDocument.Parse(plaintext);
        var root = document.RootElement;
        var attributes = root.GetProperty("attributes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
        var secret = root.GetProperty("secret").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
        var info = new CredentialInfo(
            root.GetProperty("id").GetInt64(),
            root.GetProperty("name").GetString()!,
            root.GetProperty("type").GetString()!,
            attributes,
            root.GetProperty("keyId").GetString()!,
            root.GetProperty("createdAt").GetDateTimeOffset());
        return new OpenedCredential(info, new CredentialSecret(secret));
    }
}
