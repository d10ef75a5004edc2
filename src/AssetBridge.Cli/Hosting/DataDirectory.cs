namespace AssetBridge.Cli.Hosting;

/// <summary>Where AssetBridge keeps its database and master key: --data-dir, else $ASSETBRIDGE_HOME, else ./.assetbridge.</summary>
public static class DataDirectory
{
    public const string EnvironmentVariable = "ASSETBRIDGE_HOME";
    public const string DatabaseFileName = "assetbridge.db";

    public static string Resolve(string? option, CliConsole console)
    {
        var chosen = !string.IsNullOrWhiteSpace(option)
            ? option
            : console.Environment(EnvironmentVariable) is { Length: > 0 } fromEnvironment
                ? fromEnvironment
                : ".assetbridge";
        return Path.GetFullPath(chosen, console.WorkingDirectory);
    }

    public static string DatabasePath(string directory) => Path.Combine(directory, DatabaseFileName);
}
