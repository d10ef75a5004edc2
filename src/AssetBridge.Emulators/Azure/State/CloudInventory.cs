using AssetBridge.Emulators.Estate;

namespace AssetBridge.Emulators.Azure.State;

/// <summary>
/// The emulated cloud as it is now: the estate's subscriptions and their current VMs. Reads take a
/// subscription's immutable snapshot; changes (controls) replace it under a lock.
/// </summary>
internal sealed class CloudInventory
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, SubscriptionInventory> bySubscription = new(StringComparer.OrdinalIgnoreCase);

    public CloudInventory(CloudEstate estate)
    {
        Subscriptions = new KeyedList<EstateSubscription>(estate.Subscriptions, s => s.SubscriptionId);
        var vms = estate.Vms.ToLookup(vm => vm.SubscriptionId, StringComparer.OrdinalIgnoreCase);
        foreach (var subscription in estate.Subscriptions)
        {
            bySubscription[subscription.SubscriptionId] = new SubscriptionInventory(subscription, vms[subscription.SubscriptionId]);
        }
    }

    /// <summary>The tenant's subscriptions, sorted by id.</summary>
    public KeyedList<EstateSubscription> Subscriptions { get; }

    public SubscriptionInventory? Find(string subscriptionId)
    {
        lock (gate)
        {
            return bySubscription.GetValueOrDefault(subscriptionId);
        }
    }

    public IReadOnlyList<EstateVm> CurrentVms()
    {
        lock (gate)
        {
            return Subscriptions.Items().SelectMany(s => bySubscription[s.SubscriptionId].VirtualMachines.Items()).ToList();
        }
    }

    public void Add(EstateVm vm)
    {
        lock (gate)
        {
            if (!bySubscription.TryGetValue(vm.SubscriptionId, out var inventory))
            {
                throw new ArgumentException($"The estate has no subscription {vm.SubscriptionId}.", nameof(vm));
            }

            var vms = inventory.VirtualMachines.Items().ToList();
            if (vms.Exists(v => string.Equals(v.ResourceId, vm.ResourceId, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ArgumentException($"A VM with id {vm.ResourceId} already exists.", nameof(vm));
            }

            vms.Add(vm);
            bySubscription[vm.SubscriptionId] = new SubscriptionInventory(inventory.Subscription, vms);
        }
    }

    public bool Remove(string resourceId)
    {
        lock (gate)
        {
            foreach (var (id, inventory) in bySubscription)
            {
                var vms = inventory.VirtualMachines.Items().ToList();
                if (vms.RemoveAll(v => string.Equals(v.ResourceId, resourceId, StringComparison.OrdinalIgnoreCase)) > 0)
                {
                    bySubscription[id] = new SubscriptionInventory(inventory.Subscription, vms);
                    return true;
                }
            }

            return false;
        }
    }
}
