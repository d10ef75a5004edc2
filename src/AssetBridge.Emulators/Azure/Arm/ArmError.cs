using System.Globalization;

namespace AssetBridge.Emulators.Azure.Arm;

/// <summary>
/// An ARM refusal: status, code and message in ARM's words, rendered as {"error":{"code","message"}}.
/// The codes and sentences are those ARM sends (Azure Resource Manager error reference and RPC).
/// </summary>
internal sealed record ArmError(int Status, string Code, string Message)
{
    public static readonly ArmError MissingAuthorization = new(
        401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");

    public static readonly ArmError MalformedAuthorization = new(
        401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is provided in an invalid format.");

    public static readonly ArmError InvalidToken = new(401, "InvalidAuthenticationToken", "The access token is invalid.");

    public static readonly ArmError MissingApiVersion = new(
        400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.");

    public static readonly ArmError ServiceUnavailable = new(
        503, "ServiceUnavailable", "The service is currently unavailable. Please retry the request after some time.");

    public static ArmError ExpiredToken(DateTimeOffset expiry, DateTimeOffset now) => new(
        401, "ExpiredAuthenticationToken",
        $"The access token expiry UTC time '{UsTime(expiry)}' is earlier than current UTC time '{UsTime(now)}'.");

    public static ArmError WrongAudience(string? audience) => new(
        401, "InvalidAuthenticationTokenAudience",
        $"The access token has been obtained for wrong audience or resource '{audience}'. It should exactly match with one of the allowed audiences {Entra.ArmAudiences.QuotedList}.");

    public static ArmError WrongTenant(string tenantId) => new(
        401, "InvalidAuthenticationTokenTenant",
        $"The access token is from the wrong issuer. It must match the tenant 'https://sts.windows.net/{tenantId}/' associated with this subscription. Please use the authority (URL) 'https://login.windows.net/{tenantId}' to get the token.");

    public static ArmError InvalidApiVersion(string apiVersion, string example) => new(
        400, "InvalidApiVersionParameter",
        $"The api-version '{apiVersion}' is invalid. The supported versions are '{example}'.");

    public static ArmError SubscriptionNotFound(string subscriptionId) => new(
        404, "SubscriptionNotFound", $"The subscription '{subscriptionId}' could not be found.");

    public static ArmError AuthorizationFailed(string objectId, string action, string scope) => new(
        403, "AuthorizationFailed",
        $"The client '{objectId}' with object id '{objectId}' does not have authorization to perform action '{action}' over scope '{scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.");

    public static ArmError Throttled(string scope, string objectId, long retryAfterSeconds) => new(
        429, "TooManyRequests",
        string.Create(CultureInfo.InvariantCulture, $"Number of 'read' requests for {scope} actor '{objectId}' exceeded. Please try again after '{retryAfterSeconds}' seconds after additional tokens are available. Refer to https://aka.ms/arm-throttling"));

    public static ArmError InvalidSkipToken(string token) => new(
        400, "InvalidSkipToken", $"The $skiptoken '{token}' is not valid. Follow the nextLink of the previous page as it is.");

    public static ArmError InternalServerError(string trackingId) => new(
        500, "InternalServerError", $"Encountered internal server error. Diagnostic information: tracking id '{trackingId}'.");

    public static ArmError PathNotFound(string path) => new(
        404, "NotFound", $"The path '{path}' is not served by the Azure emulator.");

    /// <summary>ARM writes times in its messages in the invariant "M/d/yyyy h:mm:ss tt" form.</summary>
    private static string UsTime(DateTimeOffset instant) => instant.UtcDateTime.ToString("M/d/yyyy h:mm:ss tt", CultureInfo.InvariantCulture);
}
