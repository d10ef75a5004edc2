using System.Net;
using AssetBridge.Core.Errors;

namespace AssetBridge.Connectors.ServiceNow.TableApi;

/// <summary>
/// The sentences a user reads when a Table API request fails: each names the cause and the fix.
/// Kept together so they read alike and tests can pin them. None includes a header, token or secret.
/// </summary>
internal static class FailureSentences
{
    public const string ExampleUrl = "https://contoso.service-now.com";

    public static TableApiException NameDoesNotResolve(RequestSubject s, Exception inner) => new(
        TableApiFailure.NameResolution, ErrorKind.Unreachable, retryHere: false,
        $"The host name '{s.Host}' does not resolve; check the instance URL (e.g. {ExampleUrl}).", inner);

    public static TableApiException TlsFailed(RequestSubject s, Exception inner) => new(
        TableApiFailure.Tls, ErrorKind.Unreachable, retryHere: false,
        $"The TLS connection to '{s.Host}' failed ({Innermost(inner)}); check the instance URL, and if a proxy or private CA signs the certificate, add that CA to the system trust store or point SSL_CERT_FILE at it.", inner);

    public static TableApiException ConnectionRefused(RequestSubject s, Exception inner) => new(
        TableApiFailure.ConnectionFailed, ErrorKind.Unreachable, retryHere: true,
        $"Nothing accepted a connection to {s.Host}:{s.Port} (connection refused) in {s.Attempts} attempts; check the instance URL and that no firewall or proxy blocks it.", inner);

    public static TableApiException ConnectFailed(RequestSubject s, Exception inner) => new(
        TableApiFailure.ConnectionFailed, ErrorKind.Unreachable, retryHere: true,
        $"AssetBridge could not connect to {s.Host}:{s.Port} ({Innermost(inner)}) in {s.Attempts} attempts; check the instance URL and the network path (firewall, proxy, VPN).", inner);

    public static TableApiException ConnectionReset(RequestSubject s, Exception inner) => new(
        TableApiFailure.ConnectionReset, ErrorKind.Transient, retryHere: true,
        $"The connection to {s.Host} broke while reading {s.Table} ({Innermost(inner)}) on all {s.Attempts} attempts; check the network path (proxy, VPN) and run the sync again.", inner);

    public static TableApiException TimedOut(RequestSubject s, TimeSpan timeout) => new(
        TableApiFailure.Timeout, ErrorKind.Unreachable, retryHere: true,
        $"ServiceNow did not answer a request for {s.Table} within {timeout.TotalSeconds:0.#} s on all {s.Attempts} attempts; the instance may be overloaded: lower --page-size or run the sync again later.");

    public static TableApiException Unauthorized(RequestSubject s, string? message) => new(
        TableApiFailure.Unauthorized, ErrorKind.Authentication, retryHere: false,
        $"ServiceNow rejected the credentials of {s.Principal} (401{Quote(message)}); check the username and password (or the OAuth client id and secret) stored in the connector's credential.");

    public static TableApiException Forbidden(RequestSubject s, string? message) => new(
        TableApiFailure.Forbidden, ErrorKind.Authentication, retryHere: false,
        $"ServiceNow refused {s.Principal} access to {s.Table} (403{Quote(message)}): the account lacks the cmdb_read role (or an ACL denies the table); grant cmdb_read to {s.Principal} and run the sync again.");

    public static TableApiException AllRowsHidden(RequestSubject s, long counted) => new(
        TableApiFailure.Forbidden, ErrorKind.Authentication, retryHere: false,
        $"ServiceNow returned no rows from {s.Table} although it counts {counted}: the account lacks the cmdb_read role (or an ACL hides the rows); grant cmdb_read to {s.Principal} and run the sync again.");

    public static TableApiException NoSuchTable(RequestSubject s, int status, string? message) => new(
        TableApiFailure.NoSuchTable, ErrorKind.Usage, retryHere: false,
        $"ServiceNow has no table '{s.Table}' ({status}{Quote(message)}); check {s.TableOption} (the table's name, not its label) and the instance URL.");

    public static TableApiException BadRequest(RequestSubject s, string? message) => new(
        TableApiFailure.Refused, ErrorKind.BadResponse, retryHere: false,
        $"ServiceNow refused the request for {s.Table} (400{Quote(message)}); check the field map (--map) and the table settings of the connector.");

    public static TableApiException RateLimited(RequestSubject s, int times, string? rule) => new(
        TableApiFailure.RateLimited, ErrorKind.RateLimited, retryHere: true,
        $"ServiceNow rate-limited {s.Principal} on {s.Host} {times} times in a row{(string.IsNullOrWhiteSpace(rule) ? string.Empty : $" (rule {Clean(rule)})")}; ask the ServiceNow administrator to raise the inbound REST rate limit for this user or give AssetBridge a dedicated user, or raise --page-size so a sync needs fewer requests, then run the sync again.");

    public static TableApiException RateLimitWaitTooLong(RequestSubject s, TimeSpan wait, TimeSpan allowed) => new(
        TableApiFailure.RateLimited, ErrorKind.RateLimited, retryHere: false,
        $"ServiceNow asks {s.Principal} to wait {wait.TotalMinutes:0.#} min before the next request to {s.Host}, longer than the {allowed.TotalMinutes:0.#} min AssetBridge waits; run the sync again later, or ask the administrator to raise the inbound REST rate limit for this user.");

    public static TableApiException ServerError(RequestSubject s, HttpStatusCode status) => new(
        TableApiFailure.ServerError, ErrorKind.Transient, retryHere: true,
        $"ServiceNow answered {(int)status} {status} for {s.Table} on all {s.Attempts} attempts; the instance may be busy or in maintenance: run the sync again later.");

    public static TableApiException TransactionCancelled(RequestSubject s) => new(
        TableApiFailure.TransactionCancelled, ErrorKind.Transient, retryHere: true,
        $"ServiceNow cancelled the query on {s.Table} (Transaction cancelled: maximum execution time exceeded) on all {s.Attempts} attempts; lower --page-size so each page finishes within the instance's transaction quota, then run the sync again.");

    public static TableApiException Malformed(RequestSubject s, string reason) => new(
        TableApiFailure.Malformed, ErrorKind.BadResponse, retryHere: true,
        $"ServiceNow sent a malformed page of {s.Table} on all {s.Attempts} attempts ({Clean(reason)}); the response was cut off or is not JSON: lower --page-size or run the sync again later.");

    public static TableApiException HtmlInsteadOfJson(RequestSubject s) => new(
        TableApiFailure.Refused, ErrorKind.BadResponse, retryHere: false,
        $"ServiceNow answered with an HTML page instead of JSON for {s.Table}; the instance may be hibernating or behind a login page: open {s.Instance.GetLeftPart(UriPartial.Authority)} in a browser and check it is awake.");

    public static TableApiException Redirected(RequestSubject s, HttpStatusCode status, Uri? location) => new(
        TableApiFailure.Refused, ErrorKind.BadResponse, retryHere: false,
        $"ServiceNow redirected the request for {s.Table} ({(int)status}{(location is { IsAbsoluteUri: true } ? $" to {location.IdnHost}" : string.Empty)}); check the instance URL (a renamed instance or a single sign-on page redirects).");

    public static TableApiException ErrorEnvelope(RequestSubject s, string? message) => new(
        TableApiFailure.Refused, ErrorKind.BadResponse, retryHere: false,
        $"ServiceNow answered the request for {s.Table} with an error{Quote(message)}; check the connector settings and run the sync again.");

    public static TableApiException Unexpected(RequestSubject s, HttpStatusCode status, string? message) => new(
        TableApiFailure.Refused, ErrorKind.BadResponse, retryHere: false,
        $"ServiceNow answered {(int)status} {status} for {s.Table}{Quote(message)}; check the instance URL and the connector settings.");

    // ServiceNow's messages are quoted shorter than Azure's: its sentences already name the table.
    private const int MaxQuoted = 200;

    /// <summary>A server message for a sentence: one line, bounded, introduced by a colon; empty when there is none.</summary>
    public static string Quote(string? message) => SentenceText.Quote(message, MaxQuoted);

    public static string Clean(string? text) => SentenceText.Clean(text, MaxQuoted);

    private static string Innermost(Exception e) => SentenceText.Innermost(e, MaxQuoted);
}
