using System.Net;
using AssetBridge.Connectors.Azure.Failures;
using AssetBridge.Core.Errors;

namespace AssetBridge.Connectors.Azure.Arm;

/// <summary>
/// The sentences a user reads when an ARM request fails: each names the cause and the fix. Kept
/// together so they read alike and tests can pin them. None includes a header, token or secret.
/// </summary>
internal static class ArmSentences
{
    public static AzureApiException TokenRejected(ArmSubject s, string? code, string? message) => new(
        AzureFailure.TokenRejected, ErrorKind.Authentication, retryHere: false,
        code switch
        {
            "InvalidAuthenticationTokenTenant" =>
                $"Azure Resource Manager refused the token of {s.Principal} for {s.Scope} (401 {code}): the subscription belongs to another Entra ID tenant; use a credential of the subscription's tenant, or remove the subscription from the connector.",
            "InvalidAuthenticationTokenAudience" =>
                $"Azure Resource Manager at {s.Host} refused the token of {s.Principal} (401 {code}): it was issued for another audience; check that the connector's authority host and ARM endpoint belong to the same cloud.",
            _ =>
                $"Azure Resource Manager at {s.Host} refused the token of {s.Principal} (401{Code(code)}{SentenceText.Quote(message)}); check that the connector's authority host and ARM endpoint belong to the same cloud and that the credential's tenant is the subscriptions' tenant.",
        });

    public static AzureApiException NotAuthorized(ArmSubject s, string? code, string? message) => new(
        AzureFailure.NotAuthorized, ErrorKind.Authentication, retryHere: false,
        s.SubscriptionId is null
            ? $"Azure Resource Manager refused {s.Principal} the list of {s.What} (403{Code(code)}{SentenceText.Quote(message)}); assign it the Reader role on the subscriptions to read."
            : $"{Capital(s.Principal)} may not read {s.What} in subscription {s.SubscriptionId} (403{Code(code)}): assign the Reader role on subscription {s.SubscriptionId} to {s.Principal} and run the sync again.");

    public static AzureApiException SubscriptionNotFound(ArmSubject s, string? code) => new(
        AzureFailure.SubscriptionUnavailable, ErrorKind.Authentication, retryHere: false,
        $"Azure Resource Manager knows no subscription {s.SubscriptionId} for {s.Principal} (404{Code(code)}); check the subscription id, that it belongs to the credential's tenant, and that {s.Principal} has the Reader role on it.");

    public static AzureApiException ThrottledTooOften(ArmSubject s, int times) => new(
        AzureFailure.Throttled, ErrorKind.RateLimited, retryHere: true,
        $"Azure Resource Manager throttled {s.Principal} in {s.Scope} {times} times in a row although AssetBridge paced its reads; another client of the same principal may be spending its read budget: give AssetBridge its own service principal, or run the sync again later.");

    public static AzureApiException ThrottleWaitTooLong(ArmSubject s, TimeSpan wait, TimeSpan allowed) => new(
        AzureFailure.Throttled, ErrorKind.RateLimited, retryHere: false,
        $"Azure Resource Manager asks {s.Principal} to wait {wait.TotalMinutes:0.#} min before reading {s.Scope} again, longer than the {allowed.TotalMinutes:0.#} min AssetBridge waits; run the sync again later.");

    public static AzureApiException ServerError(ArmSubject s, HttpStatusCode status, string? code) => new(
        AzureFailure.ServerError, ErrorKind.Transient, retryHere: true,
        $"Azure Resource Manager answered {(int)status} {status}{Code(code)} for the {s.What} of {s.Scope} on all {s.Attempts} attempts; Azure may be degraded (see the Azure status page): run the sync again later.");

    public static AzureApiException Malformed(ArmSubject s, string reason) => new(
        AzureFailure.Malformed, ErrorKind.BadResponse, retryHere: true,
        $"Azure Resource Manager sent a malformed page of {s.What} for {s.Scope} on all {s.Attempts} attempts ({SentenceText.Clean(reason)}); the response was cut off or is not ARM's JSON: check the ARM endpoint ({s.Host}) and run the sync again.");

    public static AzureApiException NextLinkElsewhere(ArmSubject s, Uri next) => new(
        AzureFailure.UnsafeNextLink, ErrorKind.BadResponse, retryHere: false,
        $"Azure Resource Manager's next-page link for the {s.What} of {s.Scope} points to {next.Scheme}://{next.IdnHost}{(next.IsDefaultPort ? string.Empty : $":{next.Port}")}, not to the ARM endpoint {s.ArmEndpoint.GetLeftPart(UriPartial.Authority)}; AssetBridge will not send the access token elsewhere: check the connector's ARM endpoint (a proxy rewriting hosts?).");

    public static AzureApiException NextLinkNotAbsolute(ArmSubject s) => new(
        AzureFailure.UnsafeNextLink, ErrorKind.BadResponse, retryHere: false,
        $"Azure Resource Manager's next-page link for the {s.What} of {s.Scope} is not an absolute URL, so the listing cannot go on; check the connector's ARM endpoint ({s.Host}) and run the sync again.");

    public static AzureApiException NextLinkLoop(ArmSubject s, long pages) => new(
        AzureFailure.UnsafeNextLink, ErrorKind.BadResponse, retryHere: false,
        $"Azure Resource Manager sent a next-page link for the {s.What} of {s.Scope} it had sent before (after {pages} pages), so the listing would never end; run the sync again later.");

    public static AzureApiException TooManyPages(ArmSubject s, int max) => new(
        AzureFailure.UnsafeNextLink, ErrorKind.BadResponse, retryHere: false,
        $"The listing of {s.What} for {s.Scope} passed {max} pages without an end; raise MaxPagesPerListing if the subscription really is that large, or run the sync again later.");

    public static AzureApiException TooLarge(ArmSubject s, long maxBytes) => new(
        AzureFailure.Refused, ErrorKind.BadResponse, retryHere: false,
        $"A page of {s.What} for {s.Scope} exceeded {maxBytes / (1024 * 1024)} MiB; check the ARM endpoint ({s.Host}) or raise MaxResponseBytes.");

    public static AzureApiException Redirected(ArmSubject s, HttpStatusCode status, Uri? location) => new(
        AzureFailure.Refused, ErrorKind.BadResponse, retryHere: false,
        $"Azure Resource Manager redirected the request for {s.What} ({(int)status}{(location is { IsAbsoluteUri: true } ? $" to {location.IdnHost}" : string.Empty)}); check the connector's ARM endpoint.");

    public static AzureApiException Unexpected(ArmSubject s, HttpStatusCode status, string? code, string? message) => new(
        AzureFailure.Refused, ErrorKind.BadResponse, retryHere: false,
        $"Azure Resource Manager answered {(int)status} {status} for the {s.What} of {s.Scope}{Code(code, " (", ")")}{SentenceText.Quote(message)}; check the connector's ARM endpoint and subscriptions.");

    public static AzureApiException TimedOut(ArmSubject s, TimeSpan timeout) =>
        Failures.TransportFailures.TimedOut(ArmSubject.Service, s.ArmEndpoint, timeout, s.Attempts);

    private static string Code(string? code, string before = " ", string after = "") =>
        string.IsNullOrWhiteSpace(code) ? string.Empty : $"{before}{SentenceText.Clean(code)}{after}";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
