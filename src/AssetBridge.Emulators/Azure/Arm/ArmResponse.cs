using System.Text.Json;
using AssetBridge.Emulators.Azure.Hosting;

namespace AssetBridge.Emulators.Azure.Arm;

/// <summary>What an ARM handler answers: status, JSON body, and the headers particular to it.</summary>
internal sealed class ArmResponse(int status, byte[] body)
{
    public int Status { get; } = status;

    public byte[] Body { get; } = body;

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static ArmResponse Ok(Action<Utf8JsonWriter> write) => new(200, JsonBody.Render(write));

    public static ArmResponse From(ArmError error) => new(error.Status, JsonBody.Render(json =>
    {
        json.WriteStartObject();
        json.WriteStartObject("error");
        json.WriteString("code", error.Code);
        json.WriteString("message", error.Message);
        json.WriteEndObject();
        json.WriteEndObject();
    }));

    public ArmResponse With(string header, string value)
    {
        Headers[header] = value;
        return this;
    }
}
