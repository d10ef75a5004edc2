namespace AssetBridge.Connectors.ServiceNow.Tests.Support;

/// <summary>
/// The shared ServiceNow fixtures. CI clones the repository with <c>shared/</c> beside it, so the
/// folder is found by walking up from the test binaries until a <c>shared/fixtures</c> appears.
/// </summary>
internal static class Fixtures
{
    private static readonly Lazy<string> Root = new(Locate);

    public static byte[] Bytes(string relativePath) => File.ReadAllBytes(Path.Combine(Root.Value, "servicenow", relativePath));

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures");
            if (Directory.Exists(Path.Combine(candidate, "servicenow")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No shared/fixtures folder above {AppContext.BaseDirectory}; clone 'shared' beside the repository.");
    }
}
