using System.Text.Json;
using AssetBridge.Emulators.Azure.State;

namespace AssetBridge.Emulators.Azure.Arm.Rendering;

/// <summary>
/// A public IP as PublicIPAddresses_ListAll 2024-07-01 returns it (PublicIpAddressListAll.json):
/// Standard SKU, static, ipAddress, and ipConfiguration.id naming the NIC's IP configuration.
/// </summary>
internal static class PublicIpAddressJson
{
    public static void Write(Utf8JsonWriter json, AttachedNic attached)
    {
        var (nic, vm) = (attached.Nic, attached.Vm);
        var id = nic.PublicIpId!;
        json.WriteStartObject();
        json.WriteString("name", id[(id.LastIndexOf('/') + 1)..]);
        json.WriteString("id", id);
        json.WriteString("etag", StableGuid.Etag(id));
        json.WriteString("location", vm.Location);
        json.WriteStartObject("sku");
        json.WriteString("name", "Standard");
        json.WriteString("tier", "Regional");
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("provisioningState", "Succeeded");
        json.WriteString("resourceGuid", StableGuid.Of("resourceGuid", id).ToString("D"));
        if (nic.PublicIpAddress is not null)
        {
            json.WriteString("ipAddress", nic.PublicIpAddress);
        }

        json.WriteString("publicIPAddressVersion", "IPv4");
        json.WriteString("publicIPAllocationMethod", "Static");
        json.WriteNumber("idleTimeoutInMinutes", 4);
        json.WriteStartArray("ipTags");
        json.WriteEndArray();
        json.WriteStartObject("ipConfiguration");
        json.WriteString("id", NetworkInterfaceJson.PrimaryIpConfigurationId(nic.Id));
        json.WriteEndObject();
        json.WriteStartObject("ddosSettings");
        json.WriteString("protectionMode", "VirtualNetworkInherited");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteString("type", "Microsoft.Network/publicIPAddresses");
        json.WriteEndObject();
    }
}
