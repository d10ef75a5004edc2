namespace AssetBridge.Connectors.ServiceNow.TableApi;

/// <summary>What a Table API response body held: rows aligned with the requested columns, an error envelope, or neither because it was malformed.</summary>
internal sealed class PageBody
{
    public List<string?[]> Rows { get; } = [];

    /// <summary>True when the body had a <c>result</c> member (an array, one object or null).</summary>
    public bool HasResult { get; set; }

    public string? ErrorMessage { get; set; }

    public string? ErrorDetail { get; set; }

    public bool HasError => ErrorMessage is not null || ErrorDetail is not null;

    /// <summary>Why the body could not be parsed (truncated, not JSON), or null when it parsed.</summary>
    public string? MalformedReason { get; set; }

    public bool IsMalformed => MalformedReason is not null;

    /// <summary>
    /// The instance cancelled the query (quota rule, 60 s): it cuts the 200 stream and appends an
    /// error naming "Transaction cancelled", so the body is usually malformed as well.
    /// </summary>
    public bool IsTransactionCancelled { get; set; }
}
