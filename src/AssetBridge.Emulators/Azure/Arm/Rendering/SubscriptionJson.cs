using System.Text.Json;
using AssetBridge.Emulators.Estate;

namespace AssetBridge.Emulators.Azure.Arm.Rendering;

/// <summary>A subscription as Subscriptions_List 2022-12-01 returns it (GetSubscriptions.json).</summary>
internal static class SubscriptionJson
{
    public static void Write(Utf8JsonWriter json, EstateSubscription subscription, string tenantId)
    {
        json.WriteStartObject();
        json.WriteString("id", "/subscriptions/" + subscription.SubscriptionId);
        json.WriteString("authorizationSource", "RoleBased");
        json.WriteStartArray("managedByTenants");
        json.WriteEndArray();
        json.WriteString("subscriptionId", subscription.SubscriptionId);
        json.WriteString("tenantId", tenantId);
        json.WriteString("displayName", subscription.DisplayName);
        json.WriteString("state", subscription.State);
        json.WriteStartObject("subscriptionPolicies");
        json.WriteString("locationPlacementId", "Public_2014-09-01");
        json.WriteString("quotaId", "EnterpriseAgreement_2014-09-01");
        json.WriteString("spendingLimit", "Off");
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
