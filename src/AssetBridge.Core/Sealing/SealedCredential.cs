namespace AssetBridge.Core.Sealing;

/// <summary>
/// A credential sealed to one agent for one job: an ephemeral P-256 public key (SubjectPublicKeyInfo
/// DER), the AES-GCM nonce, ciphertext and tag. Only the holder of the agent's sealing private key can
/// open it, and only for the job, agent and key version bound in as associated data.
/// </summary>
public sealed record SealedCredential(
    string Algorithm,
    long JobId,
    string AgentName,
    int KeyVersion,
    byte[] EphemeralKey,
    byte[] Nonce,
    byte[] Ciphertext,
    byte[] Tag)
{
    public const string CurrentAlgorithm = "ECDH-ES-P256+HKDF-SHA256+A256GCM";
}
