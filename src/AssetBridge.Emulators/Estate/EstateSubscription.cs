namespace AssetBridge.Emulators.Estate;

/// <summary>A subscription of the estate.</summary>
/// <param name="SubscriptionId">Lower-case GUID, as ARM writes it.</param>
/// <param name="DisplayName">e.g. "Contoso Production".</param>
/// <param name="State">"Enabled".</param>
public sealed record EstateSubscription(string SubscriptionId, string DisplayName, string State);
