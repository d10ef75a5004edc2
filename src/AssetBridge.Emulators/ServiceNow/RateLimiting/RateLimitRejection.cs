namespace AssetBridge.Emulators.ServiceNow.RateLimiting;

/// <summary>
/// A 429: when the user may send again, and whether this request broke an earlier wait
/// (it arrived after a 429 and before that 429's reset time).
/// </summary>
internal sealed record RateLimitRejection(DateTimeOffset RetryAt, TimeSpan RetryAfter, bool IsViolation);
