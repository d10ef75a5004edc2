using AssetBridge.Connectors.Azure.Arm;
using AssetBridge.Connectors.Azure.Failures;
using AssetBridge.Connectors.Azure.Resources;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Errors;

namespace AssetBridge.Connectors.Azure.Operations;

/// <summary>
/// The subscriptions a principal can see, as "Get Subscriptions" reads them: readable ones are Enabled,
/// Warned or PastDue (ARM serves reads in those states); Disabled, Expired and Deleted ones are seen but
/// not read. Used by the GetSubscriptions operation and by <c>connector test</c>.
/// </summary>
internal sealed record SubscriptionListing(IReadOnlyList<SubscriptionItem> Readable, IReadOnlyDictionary<string, string> NotReadable, long Pages, string Principal)
{
    private static readonly HashSet<string> ReadableStates = new(["Enabled", "Warned", "PastDue"], StringComparer.OrdinalIgnoreCase);

    public static async Task<SubscriptionListing> ReadAsync(ArmClient client, Uri arm, IAuthenticator authenticator, CancellationToken cancellationToken)
    {
        var principal = ArmClient.PrincipalOf(authenticator);
        var subject = new ArmSubject(arm, principal, null, "subscriptions", client.Options.MaxAttempts);
        var readable = new Dictionary<string, SubscriptionItem>(StringComparer.Ordinal);
        var notReadable = new Dictionary<string, string>(StringComparer.Ordinal);
        long pages = 0;
        await foreach (var page in client.ListAsync(ArmPaths.Subscriptions(arm), subject, authenticator, ArmJsonContext.Default.ArmListSubscriptionItem, cancellationToken).ConfigureAwait(false))
        {
            pages++;
            foreach (var item in page.Value!)
            {
                if (IdOf(item) is not { } id)
                {
                    continue;
                }

                if (item!.State is { } state && ReadableStates.Contains(state))
                {
                    readable[id] = item with { SubscriptionId = id };
                    notReadable.Remove(id);
                }
                else if (!readable.ContainsKey(id))
                {
                    notReadable[id] = item.State ?? "in an unknown state";
                }
            }
        }

        return new SubscriptionListing([.. readable.Values.OrderBy(s => s.SubscriptionId, StringComparer.Ordinal)], notReadable, pages, principal);
    }

    /// <summary>
    /// The subscriptions to list: every readable one, or the named ones, each of which must be readable.
    /// Throws the RBAC sentence when the principal can read none, or cannot read one it was told to.
    /// </summary>
    public IReadOnlyList<string> Select(IReadOnlyList<string> named)
    {
        if (named.Count == 0)
        {
            return Readable.Count > 0 ? [.. Readable.Select(s => s.SubscriptionId!)] : throw NoneReadable(Principal);
        }

        var readable = Readable.Select(s => s.SubscriptionId!).ToHashSet(StringComparer.Ordinal);
        foreach (var id in named)
        {
            if (NotReadable.TryGetValue(id, out var state))
            {
                throw new AzureApiException(
                    AzureFailure.SubscriptionUnavailable, ErrorKind.Authentication, retryHere: false,
                    $"Subscription {id} is {state}, so Azure serves no reads of its resources; re-enable it, or remove it from the connector's subscriptions.");
            }
        }

        var missing = named.Where(id => !readable.Contains(id)).ToList();
        if (missing.Count > 0)
        {
            throw new AzureApiException(
                AzureFailure.NotAuthorized, ErrorKind.Authentication, retryHere: false,
                $"{Capital(Principal)} cannot read subscription {string.Join(", ", missing)} (it can read {Readable.Count} subscription{(Readable.Count == 1 ? string.Empty : "s")}): assign the Reader role on subscription {missing[0]} to {Principal}, or remove it from the connector's subscriptions.");
        }

        return [.. named.OrderBy(id => id, StringComparer.Ordinal)];
    }

    /// <summary>The sentence for a principal that signed in but may read nothing: RBAC, not authentication.</summary>
    public static AzureApiException NoneReadable(string principal) => new(
        AzureFailure.NotAuthorized, ErrorKind.Authentication, retryHere: false,
        $"Authenticated, but {principal} can read no subscription: assign it the Reader role on each subscription to inventory (the subscription's Access control (IAM) > Add role assignment), then run the sync again.");

    private static string? IdOf(SubscriptionItem? item)
    {
        var text = item?.SubscriptionId ?? Core.Inventory.CloudIds.SubscriptionOf(item?.Id);
        return Guid.TryParseExact(text?.Trim(), "D", out var guid) ? guid.ToString("D") : null;
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
