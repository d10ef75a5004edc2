namespace AssetBridge.Emulators.ServiceNow.Generation;

/// <summary>
/// Timestamps of generated records: sys_updated_on spread over the seconds before GeneratedAt with
/// about eight records per second, so watermark paging meets many rows sharing one second;
/// sys_created_on up to a year before that.
/// </summary>
internal sealed class GenerationClock(DateTimeOffset generatedAt, int records)
{
    private const int RecordsPerSecond = 8;
    private const int CreatedSpreadSeconds = 365 * 24 * 3600;

    private readonly long latest = generatedAt.ToUnixTimeSeconds();
    private readonly int span = Math.Max(1, records / RecordsPerSecond);

    public long UpdatedOn(RowDraws draws) => latest - draws.Pick(Field.UpdatedOn, span);

    public long CreatedOn(RowDraws draws) => UpdatedOn(draws) - draws.Pick(Field.CreatedOn, CreatedSpreadSeconds);
}
