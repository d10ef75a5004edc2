using Microsoft.Extensions.Logging;

namespace AssetBridge.Connectors.ServiceNow.TableApi;

/// <summary>Log lines of the Table API client. They name tables, hosts and delays; never headers, tokens or secrets.</summary>
internal static partial class TableApiLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "ServiceNow request failed ({Failure}); attempt {Attempt} follows in {Delay}.")]
    public static partial void Retrying(ILogger logger, TableApiFailure? failure, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "ServiceNow rate-limited requests to {Host}; every request to it waits {Wait}.")]
    public static partial void RateLimited(ILogger logger, string host, TimeSpan wait);
}
