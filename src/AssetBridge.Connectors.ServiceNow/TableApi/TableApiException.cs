using AssetBridge.Core.Errors;

namespace AssetBridge.Connectors.ServiceNow.TableApi;

/// <summary>
/// A classified Table API failure carrying the sentence the user will read if it is the last one.
/// <see cref="RetryHere"/> says whether the client's retry pipeline should try the request again.
/// </summary>
internal sealed class TableApiException : AssetBridgeException
{
    public TableApiException(TableApiFailure failure, ErrorKind kind, bool retryHere, string message, Exception? inner = null)
        : base(kind, message, inner)
    {
        Failure = failure;
        RetryHere = retryHere;
    }

    public TableApiFailure Failure { get; }

    public bool RetryHere { get; }
}
