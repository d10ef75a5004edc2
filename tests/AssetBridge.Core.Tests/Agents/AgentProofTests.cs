using System.Security.Cryptography;
using AssetBridge.Core.Agents;

namespace AssetBridge.Core.Tests.Agents;

public sealed class AgentProofTests
{
    private static readonly string Thumbprint = new('a', 64);

    [Fact]
    public void Verify_AcceptsTheSignedStatement_AndNothingElse()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var statement = AgentProof.Statement(AgentProof.Session, "edge-1", 1000, Thumbprint);
        var signature = AgentProof.Sign(key, statement);
        var publicKey = key.ExportSubjectPublicKeyInfo();

        Assert.True(AgentProof.Verify(publicKey, statement, signature));
        Assert.False(AgentProof.Verify(publicKey, AgentProof.Statement(AgentProof.Session, "edge-1", 1000, new string('b', 64)), signature));
        Assert.False(AgentProof.Verify(publicKey, AgentProof.Statement(AgentProof.Rekey, "edge-1", 1000, Thumbprint), signature));
        Assert.False(AgentProof.Verify(publicKey, AgentProof.Statement(AgentProof.Session, "edge-2", 1000, Thumbprint), signature));
        Assert.False(AgentProof.Verify([1, 2, 3], statement, signature));
    }

    [Fact]
    public void Statement_BindsTheOfferedKeys()
    {
        var a = AgentProof.Statement(AgentProof.Enroll, "edge-1", 1, Thumbprint, [1], [2]);
        var b = AgentProof.Statement(AgentProof.Enroll, "edge-1", 1, Thumbprint, [1], [3]);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void IsFresh_AllowsFiveMinutesEitherWay()
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(10_000_000);
        Assert.True(AgentProof.IsFresh(now.AddMinutes(-5).ToUnixTimeMilliseconds(), now));
        Assert.True(AgentProof.IsFresh(now.AddMinutes(5).ToUnixTimeMilliseconds(), now));
        Assert.False(AgentProof.IsFresh(now.AddMinutes(-6).ToUnixTimeMilliseconds(), now));
        Assert.False(AgentProof.IsFresh(long.MaxValue, now));
    }

    [Fact]
    public void NormalizeThumbprint_AcceptsColonsAndUpperCase()
    {
        Assert.Equal("ab01", AgentProof.NormalizeThumbprint("AB:01"));
    }
}
