using AssetBridge.Core.Errors;

namespace AssetBridge.Storage.Vault;

/// <summary>Creates and loads the master key: environment variable first, then the key file in the data directory.</summary>
public static class MasterKeyFile
{
    /// <summary>
    /// Creates <c>master.key</c> with owner-only permissions. An existing key is never overwritten:
    /// losing it would make every stored secret unreadable.
    /// </summary>
    /// <returns>True when a key was created, false when one already existed.</returns>
    public static bool CreateIfMissing(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, MasterKey.FileName);
        if (File.Exists(path))
        {
            return false;
        }

        using var key = MasterKey.Generate();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(key.ToBase64());
        }

        return true;
    }

    /// <summary>Loads the key from <see cref="MasterKey.EnvironmentVariable"/> or the data directory's key file.</summary>
    public static MasterKey Load(string dataDirectory, Func<string, string?> environment)
    {
        var fromEnvironment = environment(MasterKey.EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return MasterKey.FromBase64(fromEnvironment, MasterKey.EnvironmentVariable);
        }

        var path = Path.Combine(dataDirectory, MasterKey.FileName);
        if (!File.Exists(path))
        {
            throw new AssetBridgeException(
                ErrorKind.Configuration,
                $"No master key in {dataDirectory}; restore master.key from your backup or set {MasterKey.EnvironmentVariable} — or run 'assetbridge init' to create a new key and then add the credentials again.");
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
            if ((mode & others) != 0)
            {
                throw new AssetBridgeException(
                    ErrorKind.Configuration,
                    $"The master key {path} is readable by other users; run 'chmod 600 {path}' and try again.");
            }
        }

        return MasterKey.FromBase64(File.ReadAllText(path), path);
    }
}
