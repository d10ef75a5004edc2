using System.Security.Cryptography;
using System.Text;
using AssetBridge.Storage.Vault;

namespace AssetBridge.Storage.Tests.Vault;

public sealed class EnvelopeCipherTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("{\"password\":\"canary-7e1f\"}");

    [Fact]
    public void Open_ReturnsWhatWasSealed_AndTheEnvelopeHoldsNoPlaintext()
    {
        using var key = MasterKey.Generate();
        var ad = EnvelopeCipher.AssociatedData(7, "servicenow-basic", key.KeyId);

        var envelope = EnvelopeCipher.Seal(key, Secret, ad);

        Assert.Equal(Secret, EnvelopeCipher.Open(key, envelope, ad));
        Assert.True(envelope.AsSpan().IndexOf("canary"u8) < 0);
    }

    [Fact]
    public void Open_Fails_WhenOneBitOfTheEnvelopeChanged()
    {
        using var key = MasterKey.Generate();
        var ad = EnvelopeCipher.AssociatedData(7, "servicenow-basic", key.KeyId);
        var envelope = EnvelopeCipher.Seal(key, Secret, ad);

        for (var i = 0; i < envelope.Length; i += 7)
        {
            var tampered = (byte[])envelope.Clone();
            tampered[i] ^= 0x10;
            Assert.ThrowsAny<CryptographicException>(() => EnvelopeCipher.Open(key, tampered, ad));
        }
    }

    [Fact]
    public void Open_Fails_ForAnotherRowOrTypeOrKey()
    {
        using var key = MasterKey.Generate();
        using var other = MasterKey.Generate();
        var envelope = EnvelopeCipher.Seal(key, Secret, EnvelopeCipher.AssociatedData(7, "servicenow-basic", key.KeyId));

        Assert.ThrowsAny<CryptographicException>(() => EnvelopeCipher.Open(key, envelope, EnvelopeCipher.AssociatedData(8, "servicenow-basic", key.KeyId)));
        Assert.ThrowsAny<CryptographicException>(() => EnvelopeCipher.Open(key, envelope, EnvelopeCipher.AssociatedData(7, "servicenow-oauth", key.KeyId)));
        Assert.ThrowsAny<CryptographicException>(() => EnvelopeCipher.Open(other, envelope, EnvelopeCipher.AssociatedData(7, "servicenow-basic", key.KeyId)));
    }

    [Fact]
    public void Seal_UsesAFreshDataKeyAndNonce_EachTime()
    {
        using var key = MasterKey.Generate();
        var ad = EnvelopeCipher.AssociatedData(1, "t", key.KeyId);

        Assert.NotEqual(EnvelopeCipher.Seal(key, Secret, ad), EnvelopeCipher.Seal(key, Secret, ad));
    }
}
