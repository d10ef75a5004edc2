using System.Globalization;
using System.Text.Json;
using AssetBridge.Emulators.Azure.State;

namespace AssetBridge.Emulators.Azure.Arm.Rendering;

/// <summary>
/// A NIC as NetworkInterfaces_ListAll 2025-01-01 returns it (NetworkInterfaceListAll.json): one
/// ipConfiguration per private IP, the public IP on the primary one, macAddress upper-case with
/// dashes (absent while the VM is deallocated), virtualMachine.id pointing back at the VM.
/// </summary>
internal static class NetworkInterfaceJson
{
    public static void Write(Utf8JsonWriter json, AttachedNic attached)
    {
        var (nic, vm) = (attached.Nic, attached.Vm);
        json.WriteStartObject();
        json.WriteString("name", nic.Name);
        json.WriteString("id", nic.Id);
        json.WriteString("etag", StableGuid.Etag(nic.Id));
        json.WriteString("location", vm.Location);
        json.WriteStartObject("properties");
        json.WriteString("provisioningState", "Succeeded");
        json.WriteString("resourceGuid", StableGuid.Of("resourceGuid", nic.Id).ToString("D"));
        json.WriteStartArray("ipConfigurations");
        for (var i = 0; i < nic.PrivateIps.Count; i++)
        {
            WriteIpConfiguration(json, attached, i);
        }

        json.WriteEndArray();
        json.WriteStartObject("dnsSettings");
        json.WriteStartArray("dnsServers");
        json.WriteEndArray();
        json.WriteStartArray("appliedDnsServers");
        json.WriteEndArray();
        json.WriteString("internalDomainNameSuffix", $"{StableGuid.Of("dns suffix", vm.SubscriptionId):N}".Substring(0, 26) + ".ax.internal.cloudapp.net");
        json.WriteEndObject();
        if (nic.MacAddress is not null)
        {
            json.WriteString("macAddress", nic.MacAddress);
        }

        json.WriteBoolean("enableAcceleratedNetworking", vm.Size.Contains("_D", StringComparison.Ordinal) || vm.Size.Contains("_E", StringComparison.Ordinal));
        json.WriteBoolean("disableTcpStateTracking", false);
        json.WriteBoolean("vnetEncryptionSupported", false);
        json.WriteBoolean("enableIPForwarding", false);
        json.WriteBoolean("primary", nic.Primary);
        json.WriteStartObject("virtualMachine");
        json.WriteString("id", vm.ResourceId);
        json.WriteEndObject();
        json.WriteStartArray("hostedWorkloads");
        json.WriteEndArray();
        json.WriteStartArray("tapConfigurations");
        json.WriteEndArray();
        json.WriteString("nicType", "Standard");
        json.WriteString("auxiliaryMode", "None");
        json.WriteEndObject();
        json.WriteString("type", "Microsoft.Network/networkInterfaces");
        json.WriteEndObject();
    }

    private static void WriteIpConfiguration(Utf8JsonWriter json, AttachedNic attached, int index)
    {
        var (nic, vm) = (attached.Nic, attached.Vm);
        var name = string.Create(CultureInfo.InvariantCulture, $"ipconfig{index + 1}");
        var id = $"{nic.Id}/ipConfigurations/{name}";
        var ip = nic.PrivateIps[index];
        var third = ip.Split('.')[2];
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("id", id);
        json.WriteString("etag", StableGuid.Etag(nic.Id));
        json.WriteString("type", "Microsoft.Network/networkInterfaces/ipConfigurations");
        json.WriteStartObject("properties");
        json.WriteString("provisioningState", "Succeeded");
        json.WriteString("privateIPAddress", ip);
        json.WriteString("privateIPAllocationMethod", "Dynamic");
        if (index == 0 && nic.PublicIpId is not null)
        {
            json.WriteStartObject("publicIPAddress");
            json.WriteString("id", nic.PublicIpId);
            json.WriteEndObject();
        }

        json.WriteStartObject("subnet");
        json.WriteString("id", $"/subscriptions/{vm.SubscriptionId}/resourceGroups/RG-Network/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-{third}");
        json.WriteEndObject();
        json.WriteBoolean("primary", index == 0);
        json.WriteString("privateIPAddressVersion", "IPv4");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The id of a NIC's first IP configuration, which its public IP names.</summary>
    public static string PrimaryIpConfigurationId(string nicId) => nicId + "/ipConfigurations/ipconfig1";
}
