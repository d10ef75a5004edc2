using System.Text.Json;

namespace AssetBridge.Emulators.Tests.Azure.Support;

/// <summary>
/// The shared Azure fixtures (copies of real examples). CI clones the repository with <c>shared/</c>
/// beside it, so the folder is found by walking up from the test binaries.
/// </summary>
internal static class AzureFixtures
{
    private static readonly Lazy<string> Root = new(Locate);

    public static JsonElement Read(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Root.Value, name)));
        return document.RootElement.Clone();
    }

    /// <summary>The body of an x-ms-examples file's 200 response.</summary>
    public static JsonElement Body(string name) => Read(name).GetProperty("responses").GetProperty("200").GetProperty("body");

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures", "azure");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No shared/fixtures/azure folder above {AppContext.BaseDirectory}; clone 'shared' beside the repository.");
    }
}
