using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssetBridge.Core.Application;

/// <summary>
/// The JSON of the admin API, on both sides of the wire: camelCase, enums as camelCase strings. The
/// CLI's remote mode reads back exactly the records the local control plane returns, so its output is
/// the same either way.
/// </summary>
public static class ControlPlaneJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
