using System.Text.Json;

namespace AssetBridge.Cli.Tests.Infrastructure;

internal static class DevicesJson
{
    public static List<JsonElement> Parse(CliRun run)
    {
        using var document = JsonDocument.Parse(run.Out);
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    public static string? Str(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
