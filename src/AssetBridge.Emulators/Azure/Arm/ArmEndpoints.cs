using System.Text.Json;
using AssetBridge.Emulators.Azure.Arm.Rendering;
using AssetBridge.Emulators.Azure.State;
using AssetBridge.Emulators.Estate;
using Microsoft.AspNetCore.Http;

namespace AssetBridge.Emulators.Azure.Arm;

/// <summary>
/// The Resource Manager reads: subscriptions (tenant level), one subscription, and the three
/// subscription-wide lists (VMs, NICs, public IPs). A subscription the tenant lacks is 404
/// SubscriptionNotFound; one the caller holds no Reader on is 403 AuthorizationFailed.
/// </summary>
internal sealed class ArmEndpoints(string tenantId, CloudInventory inventory, ArmGate gate, ListPager pager)
{
    public const string SubscriptionsVersion = "2022-12-01";
    public const string ComputeVersion = "2025-04-01";
    public const string NetworkInterfacesVersion = "2025-01-01";
    public const string PublicIpAddressesVersion = "2024-07-01";

    public Task ListSubscriptionsAsync(HttpContext context) =>
        gate.RunAsync(context, null, SubscriptionsVersion, principal =>
        {
            var readable = new KeyedList<EstateSubscription>(
                inventory.Subscriptions.Items().Where(s => principal.CanRead(s.SubscriptionId)), s => s.SubscriptionId);
            return List(context, readable, "subscriptions|" + principal.ClientId, (json, s) => SubscriptionJson.Write(json, s, tenantId));
        });

    public Task GetSubscriptionAsync(HttpContext context)
    {
        var subscriptionId = SubscriptionIdOf(context);
        return gate.RunAsync(context, subscriptionId, SubscriptionsVersion, principal =>
            Readable(subscriptionId, principal, "Microsoft.Resources/subscriptions/read", out var found) is { } refusal
                ? refusal
                : ArmResponse.Ok(json => SubscriptionJson.Write(json, found.Subscription, tenantId)));
    }

    public Task ListVirtualMachinesAsync(HttpContext context)
    {
        var subscriptionId = SubscriptionIdOf(context);
        var statusOnly = string.Equals(context.Request.Query["statusOnly"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
        return gate.RunAsync(context, subscriptionId, ComputeVersion, principal =>
            Readable(subscriptionId, principal, "Microsoft.Compute/virtualMachines/read", out var found) is { } refusal
                ? refusal
                : List(context, found.VirtualMachines, $"virtualMachines|{subscriptionId.ToLowerInvariant()}|{statusOnly}", (json, vm) => VirtualMachineJson.Write(json, vm, statusOnly)));
    }

    public Task ListNetworkInterfacesAsync(HttpContext context)
    {
        var subscriptionId = SubscriptionIdOf(context);
        return gate.RunAsync(context, subscriptionId, NetworkInterfacesVersion, principal =>
            Readable(subscriptionId, principal, "Microsoft.Network/networkInterfaces/read", out var found) is { } refusal
                ? refusal
                : List(context, found.NetworkInterfaces, "networkInterfaces|" + subscriptionId.ToLowerInvariant(), NetworkInterfaceJson.Write));
    }

    public Task ListPublicIpAddressesAsync(HttpContext context)
    {
        var subscriptionId = SubscriptionIdOf(context);
        return gate.RunAsync(context, subscriptionId, PublicIpAddressesVersion, principal =>
            Readable(subscriptionId, principal, "Microsoft.Network/publicIPAddresses/read", out var found) is { } refusal
                ? refusal
                : List(context, found.PublicIps, "publicIPAddresses|" + subscriptionId.ToLowerInvariant(), PublicIpAddressJson.Write));
    }

    public static Task NotFoundAsync(HttpContext context) =>
        ArmGate.WriteAsync(context, ArmResponse.From(ArmError.PathNotFound(context.Request.Path.Value ?? "/")));

    private static string SubscriptionIdOf(HttpContext context) => context.Request.RouteValues["subscriptionId"]?.ToString() ?? string.Empty;

    private ArmResponse? Readable(string subscriptionId, RegisteredPrincipal principal, string action, out SubscriptionInventory found)
    {
        found = inventory.Find(subscriptionId)!;
        if (found is null)
        {
            return ArmResponse.From(ArmError.SubscriptionNotFound(subscriptionId));
        }

        return principal.CanRead(found.Subscription.SubscriptionId)
            ? null
            : ArmResponse.From(ArmError.AuthorizationFailed(principal.ObjectId, action, "/subscriptions/" + subscriptionId));
    }

    /// <summary>One page: {"value":[…],"nextLink":"…"}, nextLink absent on the last page.</summary>
    private ArmResponse List<T>(HttpContext context, KeyedList<T> list, string listName, Action<Utf8JsonWriter, T> writeItem)
    {
        SkipToken? token = null;
        var given = context.Request.Query["$skiptoken"].ToString();
        if (given.Length > 0 && !SkipToken.TryDecode(given, out token))
        {
            return ArmResponse.From(ArmError.InvalidSkipToken(given));
        }

        var page = pager.Cut(list, listName, token);
        return ArmResponse.Ok(json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("value");
            foreach (var item in page.Items)
            {
                writeItem(json, item);
            }

            json.WriteEndArray();
            if (page.Next is { } next)
            {
                json.WriteString("nextLink", NextLink.For(context.Request, next));
            }

            json.WriteEndObject();
        });
    }
}
