namespace AssetBridge.Emulators.Azure.Entra;

/// <summary>
/// A token endpoint refusal: the HTTP status, the OAuth error, the AADSTS code and its sentence,
/// worded as Entra words them (entra-docs examples; the codes' pages in the AADSTS reference).
/// </summary>
internal sealed record EntraError(int Status, string Error, int Code, string Message)
{
    public static EntraError TenantNotFound(string tenant) => new(
        400, "invalid_request", 90002,
        $"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.");

    public static EntraError MissingParameter(string name) => new(
        400, "invalid_request", 900144, $"The request body must contain the following parameter: '{name}'.");

    public static EntraError UnsupportedGrantType(string grantType) => new(
        400, "unsupported_grant_type", 70003, $"The app requested an unsupported grant type '{grantType}'.");

    public static EntraError InvalidScope(string scope) => new(
        400, "invalid_scope", 70011, $"The provided value for the input parameter 'scope' is not valid. The scope {scope} is not valid.");

    public static EntraError ResourceNotFound(string resource, string tenant) => new(
        400, "invalid_resource", 500011,
        $"The resource principal named {resource} was not found in the tenant named {tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.");

    public static EntraError ApplicationNotFound(string clientId, string tenant) => new(
        400, "unauthorized_client", 700016,
        $"Application with identifier '{clientId}' was not found in the directory '{tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.");

    public static EntraError MissingCredential() => new(
        401, "invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");

    public static EntraError InvalidClientSecret(string clientId) => new(
        401, "invalid_client", 7000215,
        $"Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{clientId}'.");

    public static EntraError UnregisteredCertificate(string clientId, string thumbprint) => new(
        401, "invalid_client", 700027,
        $"The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '{thumbprint}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '{clientId}'.]");

    public static EntraError InvalidAssertion(string reason) => new(
        401, "invalid_client", 700027, $"Client assertion failed signature validation. [Reason - {reason}]");

    /// <summary>Entra gives an expired or not-yet-valid assertion its own code.</summary>
    public static EntraError AssertionOutsideValidTime(DateTimeOffset now, DateTimeOffset? notBefore, DateTimeOffset? expires) => new(
        401, "invalid_client", 700024,
        $"Client assertion is not within its valid time range. Current time: {now.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}, assertion valid from {notBefore?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture) ?? "(unset)"}, expiry time of assertion {expires?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture) ?? "(unset)"}. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .");

    public static EntraError Transient(int status) => new(
        status, status == 500 ? "server_error" : "temporarily_unavailable", 90033, "A transient error has occurred. Please try again.");
}
