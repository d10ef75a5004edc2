namespace AssetBridge.Core.Errors;

/// <summary>
/// What kind of failure a user-facing error is. The kind decides the CLI exit code, the HTTP
/// status of a problem body, and whether a job may be retried; the message is never parsed.
/// </summary>
public enum ErrorKind
{
    /// <summary>The command line or request was wrong (exit code 2).</summary>
    Usage,
    /// <summary>A named connector, credential or run does not exist (exit code 2).</summary>
    NotFound,
    /// <summary>The data directory, master key or vault is missing or unusable (exit code 3).</summary>
    Configuration,
    /// <summary>The source refused the credentials or the account lacks a role (exit code 4).</summary>
    Authentication,
    /// <summary>The source could not be reached: DNS, TLS, connection, timeout (exit code 5).</summary>
    Unreachable,
    /// <summary>The source kept rate-limiting beyond the retry budget (exit code 6).</summary>
    RateLimited,
    /// <summary>The source answered with something AssetBridge cannot use (exit code 7).</summary>
    BadResponse,
    /// <summary>A fault that may pass on its own: retried with backoff, then reported (exit code 8).</summary>
    Transient,
    /// <summary>The operation conflicts with the current state, e.g. a run already in progress (exit code 9).</summary>
    Conflict,
    /// <summary>A sync run ended without completing every job (exit code 10).</summary>
    RunFailed,
}
