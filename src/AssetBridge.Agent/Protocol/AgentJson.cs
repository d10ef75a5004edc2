using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssetBridge.Agent.Protocol;

/// <summary>The JSON of the agent protocol: web defaults (camelCase), enums as names, byte arrays as base64.</summary>
public static class AgentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
