using System.Security.Cryptography;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Sealing;

namespace AssetBridge.Core.Tests.Sealing;

public sealed class CredentialSealTests
{
    private const string Canary = "canary-seal-9d1f";

    private static OpenedCredential Credential() => new(
        new CredentialInfo(7, "sn-cred", "servicenow-basic", new Dictionary<string, string> { ["username"] = "u" }, "k1", DateTimeOffset.UnixEpoch),
        new CredentialSecret(new Dictionary<string, string> { ["password"] = Canary }));

    [Fact]
    public void Open_ReturnsTheSecret_ForTheJobAgentAndKeyItWasSealedFor()
    {
        using var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var sealedCredential = CredentialSeal.Seal(Credential(), key.ExportSubjectPublicKeyInfo(), 42, "edge-1", 3);
        Assert.DoesNotContain(Canary, System.Text.Encoding.UTF8.GetString(sealedCredential.Ciphertext), StringComparison.Ordinal);
        var opened = CredentialSeal.Open(sealedCredential, key, 42, "edge-1", 3);
        Assert.Equal(Canary, opened.Secret.Get("password"));
        Assert.Equal("u", opened.Info.Attributes["username"]);
    }

    [Theory]
    [InlineData(43, "edge-1", 3)]
    [InlineData(42, "edge-2", 3)]
    [InlineData(42, "edge-1", 4)]
    public void Open_RefusesASealForAnotherJobAgentOrKey(long job, string agent, int version)
    {
        using var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var sealedCredential = CredentialSeal.Seal(Credential(), key.ExportSubjectPublicKeyInfo(), 42, "edge-1", 3);
        var error = Assert.Throws<AssetBridgeException>(() => CredentialSeal.Open(sealedCredential, key, job, agent, version));
        Assert.Equal(ErrorKind.Authentication, error.Kind);
    }

    [Fact]
    public void Open_RefusesATamperedCiphertext_AndAnotherAgentsKey()
    {
        using var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var sealedCredential = CredentialSeal.Seal(Credential(), key.ExportSubjectPublicKeyInfo(), 1, "a", 1);
        sealedCredential.Ciphertext[0] ^= 1;
        Assert.Throws<AssetBridgeException>(() => CredentialSeal.Open(sealedCredential, key, 1, "a", 1));
        var fresh = CredentialSeal.Seal(Credential(), key.ExportSubjectPublicKeyInfo(), 1, "a", 1);
        Assert.Throws<AssetBridgeException>(() => CredentialSeal.Open(fresh, other, 1, "a", 1));
    }

    [Fact]
    public void Seal_RefusesAKeyOnAnotherCurve()
    {
        using var p384 = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP384);
        var error = Assert.Throws<AssetBridgeException>(() => CredentialSeal.Seal(Credential(), p384.ExportSubjectPublicKeyInfo(), 1, "a", 1));
        Assert.Equal(ErrorKind.Configuration, error.Kind);
    }

    [Fact]
    public void Open_RefusesAnEphemeralKeyOnAnotherCurve()
    {
        using var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        using var p384 = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP384);
        var sealedCredential = CredentialSeal.Seal(Credential(), key.ExportSubjectPublicKeyInfo(), 1, "a", 1) with { EphemeralKey = p384.ExportSubjectPublicKeyInfo() };
        Assert.Equal(ErrorKind.BadResponse, Assert.Throws<AssetBridgeException>(() => CredentialSeal.Open(sealedCredential, key, 1, "a", 1)).Kind);
    }
}
