namespace AssetBridge.Bench.Queue;

/// <summary>Nearest-rank percentiles of a sample.</summary>
internal static class Percentile
{
    public static TimeSpan Of(IReadOnlyCollection<TimeSpan> sample, double percent)
    {
        if (sample.Count == 0)
        {
            return TimeSpan.Zero;
        }

        var sorted = sample.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
