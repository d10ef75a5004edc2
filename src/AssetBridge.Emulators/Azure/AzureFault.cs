namespace AssetBridge.Emulators.Azure;

/// <summary>A fault the emulator can inject into a request. None changes the emulated cloud.</summary>
public enum AzureFault
{
    /// <summary>500 with ARM's error body (Entra's on the token endpoint).</summary>
    ServerError500,

    /// <summary>503 with ARM's error body (Entra's on the token endpoint).</summary>
    ServiceUnavailable503,

    /// <summary>429 TooManyRequests with Retry-After: 1; the bucket itself is not touched.</summary>
    TooManyRequests429,

    /// <summary>The connection is aborted before any response is sent.</summary>
    ConnectionReset,

    /// <summary>
    /// 200 with the right headers whose JSON body stops half way (Content-Length matches what is sent).
    /// A request that would not have been a 200 (403, 404, 429) gets its normal answer instead.
    /// </summary>
    MalformedJson,
}
