using System.Text.Json;
using AssetBridge.Core.Jobs;

namespace AssetBridge.Storage.Relational.Jobs;

/// <summary>The outcome_json column: a <see cref="JobOutcome"/> in System.Text.Json's web shape.</summary>
internal static class JobOutcomeJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(JobOutcome outcome) => JsonSerializer.Serialize(outcome, Options);

    public static JobOutcome? Read(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<JobOutcome>(json, Options);
}
