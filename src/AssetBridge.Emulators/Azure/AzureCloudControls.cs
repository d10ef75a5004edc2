using AssetBridge.Emulators.Azure.Faults;
using AssetBridge.Emulators.Azure.State;
using AssetBridge.Emulators.Estate;

namespace AssetBridge.Emulators.Azure;

/// <summary>
/// Changes to the emulated cloud while it serves: VMs that appear and disappear, scripted faults,
/// and role assignments taken away or given back. Thread-safe; a change is seen whole by every
/// later request (a list already being paged resumes after its last key, so nothing repeats).
/// </summary>
public sealed class AzureCloudControls
{
    private readonly CloudInventory inventory;
    private readonly AzureFaultInjector faults;
    private readonly PrincipalDirectory principals;

    internal AzureCloudControls(CloudInventory inventory, AzureFaultInjector faults, PrincipalDirectory principals)
    {
        this.inventory = inventory;
        this.faults = faults;
        this.principals = principals;
    }

    /// <summary>The VMs Azure has now (a snapshot), by subscription then resource id.</summary>
    public IReadOnlyList<EstateVm> CurrentVms => inventory.CurrentVms();

    /// <summary>Scripted fault requests not yet served.</summary>
    public int PendingFaults => faults.Pending;

    /// <summary>Adds a VM (with its NICs and public IPs) to its subscription.</summary>
    /// <exception cref="ArgumentException">The subscription is not in the estate, or the VM's id is taken.</exception>
    public void AddVm(EstateVm vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        inventory.Add(vm);
    }

    /// <summary>Removes a VM (and its NICs and public IPs) by resource id, any case; false when there was none.</summary>
    public bool RemoveVm(string resourceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceId);
        return inventory.Remove(resourceId);
    }

    /// <summary>
    /// The next <paramref name="count"/> requests whose path starts with <paramref name="pathPrefix"/>
    /// (any case) get <paramref name="fault"/>; with no prefix, the next ARM requests of any path.
    /// Scripts are served oldest first, before random faults.
    /// </summary>
    public void ScriptFault(AzureFault fault, int count = 1, string? pathPrefix = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        faults.Enqueue(fault, count, pathPrefix);
    }

    /// <summary>Drops scripted faults not yet served.</summary>
    public void ClearFaults() => faults.Clear();

    /// <summary>Takes away a principal's Reader role on a subscription: its reads there get 403 and /subscriptions stops listing it.</summary>
    public void RevokeAccess(string clientId, string subscriptionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriptionId);
        principals.Get(clientId).Revoke(subscriptionId);
    }

    /// <summary>Gives a principal Reader on a subscription (again).</summary>
    public void GrantAccess(string clientId, string subscriptionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriptionId);
        principals.Get(clientId).Grant(subscriptionId);
    }
}
