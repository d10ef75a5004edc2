namespace AssetBridge.Emulators.ServiceNow;

/// <summary>A fault the emulator can inject into a Table API request.</summary>
public enum EmulatorFault
{
    /// <summary>500 with the error envelope.</summary>
    ServerError500,

    /// <summary>503 with the error envelope.</summary>
    ServiceUnavailable503,

    /// <summary>The connection is aborted before any response is sent.</summary>
    ConnectionReset,

    /// <summary>200 and its headers, then half the JSON body, then the connection is aborted.</summary>
    TruncatedBody,

    /// <summary>
    /// 200 whose body is a cut-off result followed by the "Transaction cancelled: maximum execution
    /// time exceeded" error: malformed JSON, as a real instance sends on its 60 s quota.
    /// </summary>
    TransactionCancelled,

    /// <summary>The normal answer, after <see cref="ServiceNowInstance.SlowResponseDelay"/>.</summary>
    SlowResponse,

    /// <summary>429 with Retry-After: 1; the user must then wait that second.</summary>
    RateLimited,
}
