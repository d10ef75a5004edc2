using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using AssetBridge.Core.Ingestion;

namespace AssetBridge.Agent.Protocol;

/// <summary>The JSON of the agent protocol: web defaults (camelCase), enums as names, byte arrays as base64.</summary>
public static class AgentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitDerivedBatchFacts } },
    };

    /// <summary>
    /// A batch's Kind and Count are facts derived from its items. The base declares them ignored, but the
    /// overrides do not inherit that, and "kind" would clash with the batch's type discriminator.
    /// </summary>
    private static void OmitDerivedBatchFacts(JsonTypeInfo type)
    {
        if (!typeof(InventoryBatch).IsAssignableFrom(type.Type) || type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            if (type.Properties[i].Name is "kind" or "count")
            {
                type.Properties.RemoveAt(i);
            }
        }
    }
}
