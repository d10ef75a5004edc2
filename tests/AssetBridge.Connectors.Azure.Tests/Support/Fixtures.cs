using System.Text.Json;

namespace AssetBridge.Connectors.Azure.Tests.Support;

/// <summary>
/// The shared Azure fixtures (x-ms-examples of azure-rest-api-specs and Entra docs code blocks). CI
/// clones the repository with <c>shared/</c> beside it, so the folder is found by walking up from the
/// test binaries until a <c>shared/fixtures/azure</c> appears.
/// </summary>
internal static class Fixtures
{
    private static readonly Lazy<string> Root = new(Locate);

    public static IEnumerable<string> AllJson => Directory.EnumerateFiles(Root.Value, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Root.Value, name));

    /// <summary>The 200 response body of an x-ms-example file, as ARM would send it.</summary>
    public static byte[] ResponseBody(string name)
    {
        using var document = JsonDocument.Parse(Bytes(name));
        return JsonSerializer.SerializeToUtf8Bytes(document.RootElement.GetProperty("responses").GetProperty("200").GetProperty("body"));
    }

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
