namespace AssetBridge.Storage.Relational;

/// <summary>Times are stored as INTEGER unix milliseconds (UTC) in every dialect.</summary>
internal static class UnixTime
{
    public static long ToMilliseconds(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static long? ToMilliseconds(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMilliseconds(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    public static DateTimeOffset? FromMilliseconds(long? value) =>
        value is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
