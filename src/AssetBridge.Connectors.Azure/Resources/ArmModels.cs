using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssetBridge.Connectors.Azure.Resources;

// The parts of ARM's documented bodies that AssetBridge reads; everything else is skipped unparsed.
// Every member is optional: generated "minimum set" examples carry little more than an id.

/// <summary>A collection page: <c>{"value":[...], "nextLink":"…"}</c>; nextLink absent or null on the last page.</summary>
internal sealed record ArmList<T>(List<T?>? Value, string? NextLink);

/// <summary>ARM's error body, <c>{"error":{"code","message"}}</c>; a few providers put code and message at the top.</summary>
internal sealed record ArmErrorBody(ArmError? Error, string? Code, string? Message);

internal sealed record ArmError(string? Code, string? Message);

/// <summary>Subscriptions_List item (2022-12-01).</summary>
internal sealed record SubscriptionItem(string? Id, string? SubscriptionId, string? DisplayName, string? State, string? TenantId);

internal sealed record ResourceRef(string? Id);

/// <summary>VirtualMachines_ListAll item (2025-04-01).</summary>
internal sealed record VirtualMachineItem(
    string? Id,
    string? Name,
    string? Location,
    Dictionary<string, string?>? Tags,
    VirtualMachineProperties? Properties);

internal sealed record VirtualMachineProperties(
    string? VmId,
    HardwareProfile? HardwareProfile,
    StorageProfile? StorageProfile,
    OsProfile? OsProfile,
    NetworkProfile? NetworkProfile,
    InstanceView? InstanceView);

internal sealed record HardwareProfile(string? VmSize);

internal sealed record StorageProfile(ImageReference? ImageReference, OsDisk? OsDisk);

internal sealed record ImageReference(
    string? Publisher,
    string? Offer,
    string? Sku,
    string? Version,
    string? ExactVersion,
    string? Id,
    string? SharedGalleryImageId,
    string? CommunityGalleryImageId);

internal sealed record OsDisk(string? OsType);

internal sealed record OsProfile(string? ComputerName);

internal sealed record NetworkProfile(List<NetworkInterfaceReference?>? NetworkInterfaces);

internal sealed record NetworkInterfaceReference(string? Id, NetworkInterfaceReferenceProperties? Properties);

internal sealed record NetworkInterfaceReferenceProperties(bool? Primary);

/// <summary>The instance view a <c>statusOnly=true</c> listing carries; its statuses hold <c>PowerState/…</c>.</summary>
internal sealed record InstanceView(List<InstanceViewStatus?>? Statuses);

internal sealed record InstanceViewStatus(string? Code);

/// <summary>NetworkInterfaces_ListAll item (2025-01-01).</summary>
internal sealed record NetworkInterfaceItem(string? Id, NetworkInterfaceProperties? Properties);

internal sealed record NetworkInterfaceProperties(
    string? MacAddress,
    bool? Primary,
    ResourceRef? VirtualMachine,
    List<IpConfiguration?>? IpConfigurations);

internal sealed record IpConfiguration(string? Id, IpConfigurationProperties? Properties);

internal sealed record IpConfigurationProperties(
    [property: JsonPropertyName("privateIPAddress")] string? PrivateIpAddress,
    bool? Primary,
    [property: JsonPropertyName("publicIPAddress")] ResourceRef? PublicIpAddress);

/// <summary>PublicIPAddresses_ListAll item (2024-07-01); a Dynamic address not yet assigned has no ipAddress.</summary>
internal sealed record PublicIpAddressItem(string? Id, PublicIpAddressProperties? Properties);

internal sealed record PublicIpAddressProperties(string? IpAddress);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ArmList<SubscriptionItem>))]
[JsonSerializable(typeof(ArmList<VirtualMachineItem>))]
[JsonSerializable(typeof(ArmList<NetworkInterfaceItem>))]
[JsonSerializable(typeof(ArmList<PublicIpAddressItem>))]
[JsonSerializable(typeof(ArmErrorBody))]
internal sealed partial class ArmJsonContext : JsonSerializerContext;
