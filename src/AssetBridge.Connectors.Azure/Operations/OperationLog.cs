using Microsoft.Extensions.Logging;

namespace AssetBridge.Connectors.Azure.Operations;

/// <summary>Progress lines of the Azure operations: subscriptions, counts; never headers, tokens or secrets.</summary>
internal static partial class OperationLog
{
    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "{Principal} can read {Readable} subscriptions on {Host}; {Selected} will be listed.")]
    public static partial void SubscriptionsFound(ILogger logger, string principal, int readable, string host, int selected);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Information, Message = "Indexed {Nics} network interfaces and {PublicIps} public IP addresses of subscription {Subscription}; power states: {PowerStates}.")]
    public static partial void NetworkIndexed(ILogger logger, string subscription, int nics, int publicIps, int powerStates);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Debug, Message = "Read page {Page} of the VMs of subscription {Subscription}: {Vms} VMs, {Records} so far.")]
    public static partial void PageRead(ILogger logger, string subscription, long page, int vms, long records);

    [LoggerMessage(EventId = 2304, Level = LogLevel.Information, Message = "Listed {Records} VMs of subscription {Subscription} in {Pages} pages.")]
    public static partial void Finished(ILogger logger, string subscription, long records, long pages);

    [LoggerMessage(EventId = 2305, Level = LogLevel.Warning, Message = "Power states of subscription {Subscription} are not available ({Reason}); VMs are listed without them.")]
    public static partial void NoPowerStates(ILogger logger, string subscription, string reason);

    [LoggerMessage(EventId = 2306, Level = LogLevel.Warning, Message = "Left out {Count} VMs of subscription {Subscription} whose resource id names another subscription.")]
    public static partial void ForeignVms(ILogger logger, string subscription, int count);
}
