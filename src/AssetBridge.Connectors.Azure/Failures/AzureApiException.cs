using AssetBridge.Core.Errors;

namespace AssetBridge.Connectors.Azure.Failures;

/// <summary>
/// A classified Entra ID or ARM failure carrying the sentence the user will read if it is the last one.
/// <see cref="RetryHere"/> says whether the client's retry pipeline should try the request again.
/// </summary>
internal sealed class AzureApiException : AssetBridgeException
{
    public AzureApiException(AzureFailure failure, ErrorKind kind, bool retryHere, string message, Exception? inner = null)
        : base(kind, message, inner)
    {
        Failure = failure;
        RetryHere = retryHere;
    }

    public AzureFailure Failure { get; }

    public bool RetryHere { get; }
}
