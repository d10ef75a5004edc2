namespace AssetBridge.Connectors.Azure.Failures;

/// <summary>What went wrong talking to Entra ID or ARM; decides retrying, never parsed from text.</summary>
internal enum AzureFailure
{
    /// <summary>Entra ID refused the credential (wrong or expired secret, unknown application or tenant, bad certificate).</summary>
    SignInRefused,
    /// <summary>Entra ID knows the application but it may not sign in here: no admin consent, or disabled.</summary>
    ConsentMissing,
    /// <summary>No managed identity answers on this machine, or the named one is not assigned to it.</summary>
    ManagedIdentityUnavailable,
    /// <summary>ARM refused the access token (401).</summary>
    TokenRejected,
    /// <summary>The principal lacks an RBAC role (403 AuthorizationFailed), or can read no subscription.</summary>
    NotAuthorized,
    /// <summary>The subscription does not exist for this principal (404 SubscriptionNotFound), or is not in a readable state.</summary>
    SubscriptionUnavailable,
    /// <summary>429, or a read budget that stays empty.</summary>
    Throttled,
    /// <summary>5xx.</summary>
    ServerError,
    /// <summary>The body was cut off or is not the JSON ARM documents.</summary>
    Malformed,
    /// <summary>A next-page link AssetBridge will not follow: another host, not absolute, or seen before.</summary>
    UnsafeNextLink,
    /// <summary>The host name does not resolve.</summary>
    NameResolution,
    /// <summary>The TLS handshake failed (certificate).</summary>
    Tls,
    /// <summary>The connection was refused or could not be opened.</summary>
    ConnectionFailed,
    /// <summary>The connection broke while a response was on its way.</summary>
    ConnectionReset,
    /// <summary>No answer within the request timeout.</summary>
    Timeout,
    /// <summary>Any other answer AssetBridge cannot use (3xx, other 4xx).</summary>
    Refused,
}
