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
        using var recipient = ImportP256(recipientSealingKey, ErrorKind.Configuration, "The agent's sealing key is not a P-256 public key; re-enrol the agent.");
        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var ephemeralKey = ephemeral.ExportSubjectPublicKeyInfo();
        var associated = AssociatedData(jobId, agentName, keyVersion);

        // The recipient key enters the KDF in its canonical encoding, the same bytes the agent re-exports
        // from its private key; the stored bytes might be a different but equivalent encoding.
        var key = DeriveKey(ephemeral, recipient.PublicKey, ephemeralKey, recipient.ExportSubjectPublicKeyInfo(), associated);
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

        using var ephemeral = ImportP256(sealedCredential.EphemeralKey, ErrorKind.BadResponse, "The sealed credential is malformed; the server or something between it and this agent altered it.");
        var associated = AssociatedData(jobId, agentName, keyVersion);
        var key = DeriveKey(sealingKey, ephemeral.PublicKey, ephemeral.ExportSubjectPublicKeyInfo(), sealingKey.ExportSubjectPublicKeyInfo(), associated);
        var plaintext = new byte[sealedCredential.Ciphertext.Length];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(sealedCredential.Nonce, sealedCredential.Ciphertext, sealedCredential.Tag, plaintext, associated);
            return Deserialize(plaintext);
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new AssetBridgeException(ErrorKind.BadResponse, $"The credential for job {jobId} opened but is not in the expected form; upgrade the agent to the server's version.");
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

    /// <summary>
    /// The name is length-prefixed so no agent name can be made to read as another name plus a key
    /// version; the job id and key version are plain numbers.
    /// </summary>
    private static byte[] AssociatedData(long jobId, string agentName, int keyVersion) =>
        Encoding.UTF8.GetBytes(FormattableString.Invariant($"assetbridge-sealed-credential/v1\njob:{jobId}\nagent:{Encoding.UTF8.GetByteCount(agentName)}:{agentName}\nkey:{keyVersion}"));

    /// <summary>Imports a public key, accepting only P-256: a key on another curve is refused, not used.</summary>
    private static ECDiffieHellman ImportP256(byte[] subjectPublicKeyInfo, ErrorKind kind, string refusal)
    {
        var key = ECDiffieHellman.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out var read);
            if (read != subjectPublicKeyInfo.Length || key.ExportParameters(false).Curve.Oid.Value != P256Oid)
            {
                throw new CryptographicException();
            }

            return key;
        }
        catch (CryptographicException)
        {
            key.Dispose();
            throw new AssetBridgeException(kind, refusal);
        }
    }

    private const string P256Oid = "1.2.840.10045.3.1.7";

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
