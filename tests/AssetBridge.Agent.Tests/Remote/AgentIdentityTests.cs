using AssetBridge.Agent.Remote;
using AssetBridge.Core.Errors;

namespace AssetBridge.Agent.Tests.Remote;

public sealed class AgentIdentityTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "assetbridge-identity-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void SaveThenLoad_KeepsTheKeys_InAnOwnerOnlyFile()
    {
        var (signing, sealing) = AgentIdentity.NewKeys();
        using var identity = new AgentIdentity(new AgentSettings(new Uri("https://server:8443/"), "edge-1", 3, new string('a', 64), 2), signing, sealing);
        identity.Save(_directory);

        using var loaded = AgentIdentity.Load(_directory);
        Assert.Equal(identity.Settings, loaded.Settings);
        Assert.Equal(identity.SigningPublicKey, loaded.SigningPublicKey);
        Assert.Equal(identity.SealingPublicKey, loaded.SealingPublicKey);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory, AgentIdentity.KeyFile)));
        }
    }

    [Fact]
    public void Load_WithoutEnrolment_SaysToEnrol()
    {
        var error = Assert.Throws<AssetBridgeException>(() => AgentIdentity.Load(_directory));
        Assert.Equal(ErrorKind.Configuration, error.Kind);
        Assert.Contains("assetbridge agent enroll", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
