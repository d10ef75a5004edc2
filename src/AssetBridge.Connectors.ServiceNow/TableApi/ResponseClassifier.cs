using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using AssetBridge.Connectors.ServiceNow.Mapping;

namespace AssetBridge.Connectors.ServiceNow.TableApi;

/// <summary>
/// Turns a buffered response into a page or a classified failure: 401/403/404/429/5xx by status,
/// error envelopes by their message, malformed and cancelled bodies as retryable faults.
/// </summary>
internal static class ResponseClassifier
{
    public static TablePage ToPage(HttpResponseMessage response, ReadOnlySpan<byte> body, ColumnSet columns, RequestSubject subject)
    {
        var status = response.StatusCode;
        if (status == HttpStatusCode.OK)
        {
            if (IsHtml(response.Content.Headers.ContentType))
            {
                throw FailureSentences.HtmlInsteadOfJson(subject);
            }

            var parsed = TablePageParser.Parse(body, columns);
            if (parsed.IsTransactionCancelled)
            {
                throw FailureSentences.TransactionCancelled(subject);
            }

            if (parsed.IsMalformed)
            {
                throw FailureSentences.Malformed(subject, parsed.MalformedReason!);
            }

            if (parsed.HasError)
            {
                throw FailureSentences.ErrorEnvelope(subject, parsed.ErrorMessage ?? parsed.ErrorDetail);
            }

            if (!parsed.HasResult)
            {
                throw FailureSentences.Malformed(subject, "the body has no result member");
            }

            return new TablePage(parsed.Rows, TotalCount(response), response.Headers.Date);
        }

        // Error bodies are small; only their message is wanted.
        var error = TablePageParser.Parse(body, columns);
        var message = error.ErrorMessage ?? error.ErrorDetail;
        var code = (int)status;
        if (error.IsTransactionCancelled && code >= 500)
        {
            throw FailureSentences.TransactionCancelled(subject);
        }

        throw code switch
        {
            401 => FailureSentences.Unauthorized(subject, message),
            403 => FailureSentences.Forbidden(subject, message),
            404 => FailureSentences.NoSuchTable(subject, code, message),
            400 when message?.StartsWith("Invalid table", StringComparison.OrdinalIgnoreCase) == true
                => FailureSentences.NoSuchTable(subject, code, message),
            400 => FailureSentences.BadRequest(subject, message),
            >= 500 => FailureSentences.ServerError(subject, status),
            >= 300 and < 400 => FailureSentences.Redirected(subject, status, response.Headers.Location),
            _ => FailureSentences.Unexpected(subject, status, message),
        };
    }

    public static long? TotalCount(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Total-Count", out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var total)
            ? total
            : null;

    /// <summary>
    /// When a 429 says the instance opens again: Retry-After (seconds or a date), else
    /// X-RateLimit-Reset (unix seconds), else <paramref name="fallback"/> from now.
    /// </summary>
    public static DateTimeOffset RetryAt(HttpResponseMessage response, DateTimeOffset now, TimeSpan fallback)
    {
        var named = Named(response, now);

        // A time already past (clock skew) would resend at once into the same limit; wait the fallback instead.
        return named is { } at && at > now ? at : now + fallback;
    }

    private static DateTimeOffset? Named(HttpResponseMessage response, DateTimeOffset now)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return now + delta;
        }

        if (retryAfter?.Date is { } date)
        {
            return date;
        }

        if (response.Headers.TryGetValues("X-RateLimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var unix))
        {
            return DateTimeOffset.FromUnixTimeSeconds(unix);
        }

        return null;
    }

    public static string? RateLimitRule(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-RateLimit-Rule", out var values) ? values.FirstOrDefault() : null;

    private static bool IsHtml(MediaTypeHeaderValue? type) =>
        type?.MediaType is { } media && media.Contains("html", StringComparison.OrdinalIgnoreCase);
}
