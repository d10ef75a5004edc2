using System.Globalization;
using System.Text.Json;

namespace AssetBridge.Emulators.Tests.Azure.Support;

/// <summary>
/// Reads "properties.ipConfigurations[0].properties.privateIPAddress" from a JSON element: the same
/// field paths a client would follow, applied alike to a fixture and to the emulator's body.
/// </summary>
internal static class JsonPath
{
    public static JsonElement? Find(JsonElement element, string path)
    {
        foreach (var step in path.Split('.'))
        {
            var bracket = step.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? step : step[..bracket];
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }

            if (bracket >= 0)
            {
                var index = int.Parse(step[(bracket + 1)..^1], CultureInfo.InvariantCulture);
                if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() <= index)
                {
                    return null;
                }

                element = element[index];
            }
        }

        return element;
    }
}
