namespace AssetBridge.Connectors.Azure.Arm;

/// <summary>The ARM collections AssetBridge lists, each at the api-version it was written against.</summary>
internal static class ArmPaths
{
    public const string SubscriptionsApiVersion = "2022-12-01";
    public const string ComputeApiVersion = "2025-04-01";
    public const string NetworkInterfacesApiVersion = "2025-01-01";
    public const string PublicIpAddressesApiVersion = "2024-07-01";

    /// <summary>Subscriptions_List: every subscription the principal can read.</summary>
    public static Uri Subscriptions(Uri arm) => new(arm, $"subscriptions?api-version={SubscriptionsApiVersion}");

    /// <summary>VirtualMachines_ListAll of a subscription.</summary>
    public static Uri VirtualMachines(Uri arm, string subscriptionId) =>
        new(arm, $"subscriptions/{subscriptionId}/providers/Microsoft.Compute/virtualMachines?api-version={ComputeApiVersion}");

    /// <summary>VirtualMachines_ListAll with <c>statusOnly=true</c>: each VM's instance view (power state) instead of its model.</summary>
    public static Uri VirtualMachineStatuses(Uri arm, string subscriptionId) =>
        new(arm, $"subscriptions/{subscriptionId}/providers/Microsoft.Compute/virtualMachines?api-version={ComputeApiVersion}&statusOnly=true");

    /// <summary>NetworkInterfaces_ListAll of a subscription.</summary>
    public static Uri NetworkInterfaces(Uri arm, string subscriptionId) =>
        new(arm, $"subscriptions/{subscriptionId}/providers/Microsoft.Network/networkInterfaces?api-version={NetworkInterfacesApiVersion}");

    /// <summary>PublicIPAddresses_ListAll of a subscription.</summary>
    public static Uri PublicIpAddresses(Uri arm, string subscriptionId) =>
        new(arm, $"subscriptions/{subscriptionId}/providers/Microsoft.Network/publicIPAddresses?api-version={PublicIpAddressesApiVersion}");
}
