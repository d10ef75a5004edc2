using AssetBridge.Connectors.Azure.Failures;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Connectors.Azure.Arm;

/// <summary>Log lines of the ARM client. They name hosts, scopes and delays; never headers, tokens or secrets.</summary>
internal static partial class ArmLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Azure Resource Manager request failed ({Failure}); attempt {Attempt} follows in {Delay}.")]
    public static partial void Retrying(ILogger logger, AzureFailure? failure, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Azure Resource Manager throttled reads of {Scope}; every read of it waits {Wait}.")]
    public static partial void Throttled(ILogger logger, string scope, TimeSpan wait);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Debug, Message = "Paced a read of {Scope} by {Wait} to stay within its read budget.")]
    public static partial void Paced(ILogger logger, string scope, TimeSpan wait);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "{Scope} has not registered the provider of {What}; it holds none.")]
    public static partial void ProviderNotRegistered(ILogger logger, string scope, string what);
}
