namespace AssetBridge.Connectors.ServiceNow.TableApi;

/// <summary>What went wrong with a Table API request; decides retrying, never parsed from text.</summary>
internal enum TableApiFailure
{
    /// <summary>401, or the token endpoint refused the client.</summary>
    Unauthorized,
    /// <summary>403, or every row hidden by ACLs: the account lacks a role.</summary>
    Forbidden,
    /// <summary>The table does not exist (400 "Invalid table", 404).</summary>
    NoSuchTable,
    /// <summary>429.</summary>
    RateLimited,
    /// <summary>5xx.</summary>
    ServerError,
    /// <summary>The body was truncated or not JSON.</summary>
    Malformed,
    /// <summary>The instance cancelled the query ("Transaction cancelled").</summary>
    TransactionCancelled,
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
    /// <summary>Any other answer AssetBridge cannot use (3xx, other 4xx, error envelope).</summary>
    Refused,
}
