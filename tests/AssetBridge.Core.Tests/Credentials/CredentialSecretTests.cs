using AssetBridge.Core.Credentials;

namespace AssetBridge.Core.Tests.Credentials;

public sealed class CredentialSecretTests
{
    private const string Canary = "canary-9f2d-DO-NOT-LEAK";

    [Fact]
    public void ToString_NeverRevealsTheSecret()
    {
        var secret = new CredentialSecret(new Dictionary<string, string> { ["password"] = Canary });
        var opened = new OpenedCredential(
            new CredentialInfo(1, "sn", CredentialTypes.ServiceNowBasic, new Dictionary<string, string>(), "k", DateTimeOffset.UnixEpoch),
            secret);

        Assert.DoesNotContain(Canary, secret.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, opened.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, $"{opened} {secret}", StringComparison.Ordinal);
        Assert.Equal(Canary, secret.Get("password"));
    }
}
