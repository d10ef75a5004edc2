namespace AssetBridge.Emulators.Estate;

/// <summary>ARM resource ids in ARM's canonical case, and the MAC forms the two systems use.</summary>
internal static class EstateIds
{
    public static string VirtualMachine(string subscriptionId, string resourceGroup, string name) =>
        $"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.Compute/virtualMachines/{name}";

    public static string NetworkInterface(string subscriptionId, string resourceGroup, string name) =>
        $"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.Network/networkInterfaces/{name}";

    public static string PublicIp(string subscriptionId, string resourceGroup, string name) =>
        $"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.Network/publicIPAddresses/{name}";

    /// <summary>Azure writes MACs upper-case with dashes: 00-0D-3A-1B-C7-21.</summary>
    public static string AzureMac(int low24) => string.Create(17, low24, static (chars, low) =>
    {
        "00-0D-3A".CopyTo(chars);
        for (var octet = 0; octet < 3; octet++)
        {
            var value = (low >> (16 - (8 * octet))) & 0xFF;
            chars[8 + (octet * 3)] = '-';
            value.TryFormat(chars.Slice(9 + (octet * 3), 2), out _, "X2", System.Globalization.CultureInfo.InvariantCulture);
        }
    });

    /// <summary>ServiceNow discovery writes them lower-case with colons: 00:0d:3a:1b:c7:21.</summary>
    public static string ServiceNowMac(string azureMac) => azureMac.Replace('-', ':').ToLowerInvariant();
}
