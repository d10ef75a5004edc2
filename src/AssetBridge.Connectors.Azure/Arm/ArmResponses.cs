using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AssetBridge.Connectors.Azure.Resources;

namespace AssetBridge.Connectors.Azure.Arm;

/// <summary>
/// Turns a buffered ARM answer into a page or a classified failure: 401/403/404/5xx by status and
/// ARM's error code, malformed bodies as retryable faults; reads the throttling headers.
/// </summary>
internal static class ArmResponses
{
    /// <summary>The code ARM answers (409) when a resource provider is not registered in a subscription: it can hold none of that provider's resources.</summary>
    public const string MissingSubscriptionRegistration = "MissingSubscriptionRegistration";

    public static ArmList<T> ToPage<T>(HttpResponseMessage response, ReadOnlySpan<byte> body, JsonTypeInfo<ArmList<T>> type, ArmSubject subject)
    {
        var status = response.StatusCode;
        if (status == HttpStatusCode.OK)
        {
            if (response.Content.Headers.ContentType?.MediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true)
            {
                throw ArmSentences.Malformed(subject, "an HTML page instead of JSON");
            }

            ArmList<T>? page;
            try
            {
                page = JsonSerializer.Deserialize(body, type);
            }
            catch (JsonException e)
            {
                throw ArmSentences.Malformed(subject, e.Message);
            }

            if (page?.Value is null)
            {
                throw ArmSentences.Malformed(subject, "the body has no value array");
            }

            return page;
        }

        var (code, message) = Error(body);
        throw (int)status switch
        {
            401 => ArmSentences.TokenRejected(subject, code, message),
            403 => ArmSentences.NotAuthorized(subject, code, message),
            404 when string.Equals(code, "SubscriptionNotFound", StringComparison.OrdinalIgnoreCase) => ArmSentences.SubscriptionNotFound(subject, code),
            409 when string.Equals(code, MissingSubscriptionRegistration, StringComparison.OrdinalIgnoreCase) => new UnregisteredProviderException(),
            >= 500 => ArmSentences.ServerError(subject, status, code),
            >= 300 and < 400 => ArmSentences.Redirected(subject, status, response.Headers.Location),
            _ => ArmSentences.Unexpected(subject, status, code, message),
        };
    }

    /// <summary>ARM's error code and message, from <c>{"error":{…}}</c> or a top-level code; nulls when the body has neither.</summary>
    public static (string? Code, string? Message) Error(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return default;
        }

        try
        {
            var error = JsonSerializer.Deserialize(body, ArmJsonContext.Default.ArmErrorBody);
            return error?.Error is { } inner ? (inner.Code, inner.Message) : (error?.Code, error?.Message);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>
    /// Reads left in the bucket the request was counted against: the subscription's (the lower of the
    /// regional and global counts when both are sent) or the tenant's; null when ARM did not say.
    /// </summary>
    public static long? RemainingReads(HttpResponseMessage response, bool tenantScope)
    {
        if (tenantScope)
        {
            return Header(response, "x-ms-ratelimit-remaining-tenant-reads");
        }

        var regional = Header(response, "x-ms-ratelimit-remaining-subscription-reads");
        var global = Header(response, "x-ms-ratelimit-remaining-subscription-global-reads");
        return (regional, global) switch
        {
            ({ } r, { } g) => Math.Min(r, g),
            ({ } r, null) => r,
            (null, var g) => g,
        };
    }

    /// <summary>
    /// When a 429 says reading may resume: Retry-After (seconds or an HTTP date), else
    /// <paramref name="fallback"/> from now. A time already past (clock skew) also waits the fallback.
    /// </summary>
    public static DateTimeOffset RetryAt(HttpResponseMessage response, DateTimeOffset now, TimeSpan fallback)
    {
        var retryAfter = response.Headers.RetryAfter;
        DateTimeOffset? named = retryAfter?.Delta is { } delta ? now + delta : retryAfter?.Date;
        return named is { } at && at > now ? at : now + fallback;
    }

    private static long? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}

/// <summary>ARM said the subscription has not registered the listing's resource provider: the listing is empty.</summary>
internal sealed class UnregisteredProviderException() : Exception("The resource provider is not registered in the subscription.");
