using AssetBridge.Core.Jobs;

namespace AssetBridge.Connectors.Azure.Planning;

/// <summary>The operation-map keys of the Azure operations, named like ServiceNow's CAPI method mapper does.</summary>
internal static class AzureOperationKeys
{
    /// <summary><c>azure-resources-1.0-GetSubscriptions</c>: the subscriptions the principal can read.</summary>
    public static readonly OperationKey GetSubscriptions = new("azure", "resources", "1.0", "GetSubscriptions");

    /// <summary><c>azure-compute-1.0-ListNodes</c>: one subscription's VMs with their NICs and public IPs.</summary>
    public static readonly OperationKey ListNodes = new("azure", "compute", "1.0", "ListNodes");
}
