using AssetBridge.Core.Errors;
using AssetBridge.Storage.Vault;

namespace AssetBridge.Storage.Tests.Vault;

public sealed class MasterKeyFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "assetbridge-key-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void CreateIfMissing_WritesAnOwnerOnlyKey_AndNeverReplacesIt()
    {
        Assert.True(MasterKeyFile.CreateIfMissing(_directory));
        using var first = MasterKeyFile.Load(_directory, _ => null);

        Assert.False(MasterKeyFile.CreateIfMissing(_directory));
        using var second = MasterKeyFile.Load(_directory, _ => null);

        Assert.Equal(first.KeyId, second.KeyId);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory, MasterKey.FileName)));
        }
    }

    [Fact]
    public void Load_PrefersTheEnvironmentVariable()
    {
        using var key = MasterKey.Generate();

        using var loaded = MasterKeyFile.Load(_directory, name => name == MasterKey.EnvironmentVariable ? key.ToBase64() : null);

        Assert.Equal(key.KeyId, loaded.KeyId);
    }

    [Fact]
    public void Load_WithoutAKey_SaysToRunInit()
    {
        var error = Assert.Throws<AssetBridgeException>(() => MasterKeyFile.Load(_directory, _ => null));

        Assert.Equal(ErrorKind.Configuration, error.Kind);
        Assert.Contains("assetbridge init", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RefusesAKeyOthersCanRead()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        MasterKeyFile.CreateIfMissing(_directory);
        var path = Path.Combine(_directory, MasterKey.FileName);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var error = Assert.Throws<AssetBridgeException>(() => MasterKeyFile.Load(_directory, _ => null));

        Assert.Contains("chmod 600", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void Load_RejectsAMalformedEnvironmentKey_NamingIt(string value)
    {
        var error = Assert.Throws<AssetBridgeException>(() => MasterKeyFile.Load(_directory, _ => value));

        Assert.Contains(MasterKey.EnvironmentVariable, error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
