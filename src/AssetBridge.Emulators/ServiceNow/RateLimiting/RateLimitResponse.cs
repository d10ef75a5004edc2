using System.Globalization;
using AssetBridge.Emulators.ServiceNow.Api;
using Microsoft.AspNetCore.Http;

namespace AssetBridge.Emulators.ServiceNow.RateLimiting;

/// <summary>
/// The 429 a real instance sends: "Rate limit exceeded" with Retry-After (seconds),
/// X-RateLimit-Limit, X-RateLimit-Reset (Unix seconds) and X-RateLimit-Rule (the rule's sys_id).
/// </summary>
internal static class RateLimitResponse
{
    /// <summary>sys_id of the emulator's one rate limit rule.</summary>
    public const string RuleSysId = "4d2b8c1e1b1230106f3a2d4c9e4bcb7a";

    public static Task WriteAsync(HttpResponse response, RateLimitRejection rejection, int limit)
    {
        var headers = response.Headers;
        headers.RetryAfter = ((long)rejection.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);

        // Rounded up so a client that waits until the reset second is never early.
        var resetSeconds = (long)Math.Ceiling(rejection.RetryAt.ToUnixTimeMilliseconds() / 1000.0);
        headers["X-RateLimit-Reset"] = resetSeconds.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Rule"] = RuleSysId;
        return ErrorEnvelope.WriteAsync(
            response,
            StatusCodes.Status429TooManyRequests,
            "Rate limit exceeded",
            $"Rate limit of {limit} requests per second for Table API exceeded");
    }
}
