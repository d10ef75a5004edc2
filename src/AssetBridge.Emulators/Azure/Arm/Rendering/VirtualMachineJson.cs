using System.Globalization;
using System.Text.Json;
using AssetBridge.Emulators.Estate;

namespace AssetBridge.Emulators.Azure.Arm.Rendering;

/// <summary>
/// A VM as VirtualMachines_ListAll 2025-04-01 returns it: the field paths of
/// VirtualMachine_ListAll_MaximumSet_Gen.json with realistic values. statusOnly=true adds
/// properties.instanceView.statuses (provisioning state, then power state).
/// </summary>
internal static class VirtualMachineJson
{
    public static void Write(Utf8JsonWriter json, EstateVm vm, bool statusOnly)
    {
        var id = vm.ResourceId;
        var created = StableGuid.Instant("timeCreated", id);
        json.WriteStartObject();
        json.WriteString("name", vm.Name);
        json.WriteString("id", id);
        json.WriteString("type", "Microsoft.Compute/virtualMachines");
        json.WriteString("location", vm.Location);
        json.WriteStartObject("tags");
        foreach (var (key, value) in vm.Tags)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("vmId", vm.VmId);
        json.WriteStartObject("hardwareProfile");
        json.WriteString("vmSize", vm.Size);
        json.WriteEndObject();
        WriteStorageProfile(json, vm, id);
        WriteOsProfile(json, vm);
        json.WriteStartObject("networkProfile");
        json.WriteStartArray("networkInterfaces");
        foreach (var nic in vm.Nics)
        {
            json.WriteStartObject();
            json.WriteString("id", nic.Id);
            json.WriteStartObject("properties");
            json.WriteBoolean("primary", nic.Primary);
            json.WriteString("deleteOption", "Detach");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("diagnosticsProfile");
        json.WriteStartObject("bootDiagnostics");
        json.WriteBoolean("enabled", true);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteString("provisioningState", "Succeeded");
        json.WriteString("timeCreated", created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffff'+00:00'", CultureInfo.InvariantCulture));
        if (statusOnly)
        {
            WriteInstanceView(json, vm, created);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteStorageProfile(Utf8JsonWriter json, EstateVm vm, string id)
    {
        var diskName = $"{vm.Name}_OsDisk_1_{StableGuid.Of("os disk", id):N}";
        json.WriteStartObject("storageProfile");
        json.WriteStartObject("imageReference");
        json.WriteString("publisher", vm.Image.Publisher);
        json.WriteString("offer", vm.Image.Offer);
        json.WriteString("sku", vm.Image.Sku);
        json.WriteString("version", vm.Image.Version);
        json.WriteString("exactVersion", ExactVersion(vm));
        json.WriteEndObject();
        json.WriteStartObject("osDisk");
        json.WriteString("osType", vm.OsType);
        json.WriteString("name", diskName);
        json.WriteString("createOption", "FromImage");
        json.WriteString("caching", "ReadWrite");
        json.WriteStartObject("managedDisk");
        json.WriteString("storageAccountType", "Premium_LRS");
        json.WriteString("id", $"/subscriptions/{vm.SubscriptionId}/resourceGroups/{vm.ResourceGroup.ToUpperInvariant()}/providers/Microsoft.Compute/disks/{diskName}");
        json.WriteEndObject();
        json.WriteString("deleteOption", "Delete");
        json.WriteNumber("diskSizeGB", vm.OsType == "Windows" ? 127 : 30);
        json.WriteEndObject();
        json.WriteStartArray("dataDisks");
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteOsProfile(Utf8JsonWriter json, EstateVm vm)
    {
        json.WriteStartObject("osProfile");
        json.WriteString("computerName", vm.ComputerName);
        json.WriteString("adminUsername", "azureuser");
        if (vm.OsType == "Windows")
        {
            json.WriteStartObject("windowsConfiguration");
            json.WriteBoolean("provisionVMAgent", true);
            json.WriteBoolean("enableAutomaticUpdates", true);
            json.WriteStartObject("patchSettings");
            json.WriteString("patchMode", "AutomaticByOS");
            json.WriteString("assessmentMode", "ImageDefault");
            json.WriteEndObject();
            json.WriteEndObject();
        }
        else
        {
            json.WriteStartObject("linuxConfiguration");
            json.WriteBoolean("disablePasswordAuthentication", true);
            json.WriteBoolean("provisionVMAgent", true);
            json.WriteStartObject("patchSettings");
            json.WriteString("patchMode", "ImageDefault");
            json.WriteString("assessmentMode", "ImageDefault");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteStartArray("secrets");
        json.WriteEndArray();
        json.WriteBoolean("allowExtensionOperations", true);
        json.WriteBoolean("requireGuestProvisionSignal", true);
        json.WriteEndObject();
    }

    private static void WriteInstanceView(Utf8JsonWriter json, EstateVm vm, DateTimeOffset created)
    {
        json.WriteStartObject("instanceView");
        json.WriteStartArray("statuses");
        json.WriteStartObject();
        json.WriteString("code", "ProvisioningState/succeeded");
        json.WriteString("level", "Info");
        json.WriteString("displayStatus", "Provisioning succeeded");
        json.WriteString("time", created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffff'+00:00'", CultureInfo.InvariantCulture));
        json.WriteEndObject();
        json.WriteStartObject();
        json.WriteString("code", "PowerState/" + vm.PowerState);
        json.WriteString("level", "Info");
        json.WriteString("displayStatus", "VM " + vm.PowerState);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The image build the VM was created from, as "latest" resolved at the time.</summary>
    private static string ExactVersion(EstateVm vm)
    {
        var build = (int)BitConverter.ToUInt16(StableGuid.Of("image build", vm.ResourceId).ToByteArray(), 0);
        return vm.OsType == "Windows"
            ? string.Create(CultureInfo.InvariantCulture, $"20348.{2000 + (build % 900)}.2311{(build % 28) + 1:D2}")
            : string.Create(CultureInfo.InvariantCulture, $"22.04.2024{(build % 12) + 1:D2}{(build % 28) + 1:D2}");
    }
}
