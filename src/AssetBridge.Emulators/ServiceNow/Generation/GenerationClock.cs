using AssetBridge.Emulators.ServiceNow.Tables;

namespace AssetBridge.Emulators.ServiceNow.Generation;

/// <summary>
/// Timestamps of generated records: sys_updated_on spread over the seconds before GeneratedAt with
/// about eight records per second, so watermark paging meets many rows sharing one second.
/// Texts are cached per second; rows of the same second share one string.
/// One instance per generating thread (the cache is not thread-safe).
/// </summary>
internal sealed class GenerationClock(DateTimeOffset generatedAt)
{
    private const int RecordsPerSecond = 8;
    private static readonly int CreatedSpreadSeconds = (int)TimeSpan.FromDays(365).TotalSeconds;

    private readonly Dictionary<long, string> texts = [];

    public static int SpanFor(int records) => Math.Max(1, records / RecordsPerSecond);

    /// <summary>Writes sys_updated_on and a sys_created_on at or before it.</summary>
    public void Stamp(string[] values, TableSchema schema, Random random, int spanSeconds)
    {
        var updatedBefore = random.Next(spanSeconds);
        values[schema.UpdatedOnIndex] = Text(updatedBefore);
        values[schema.CreatedOnIndex] = Text(updatedBefore + random.Next(CreatedSpreadSeconds));
    }

    /// <summary>The text of GeneratedAt minus <paramref name="secondsBefore"/>.</summary>
    public string Text(long secondsBefore)
    {
        if (!texts.TryGetValue(secondsBefore, out var text))
        {
            text = GlideDateTime.Format(generatedAt.AddSeconds(-secondsBefore));
            texts.Add(secondsBefore, text);
        }

        return text;
    }
}
