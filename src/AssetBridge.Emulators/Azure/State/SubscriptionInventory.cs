using AssetBridge.Emulators.Estate;

namespace AssetBridge.Emulators.Azure.State;

/// <summary>
/// One subscription's resources as ARM lists them: VMs, their NICs, and the public IPs on those
/// NICs, each sorted by lower-case resource id. Immutable: a change builds a new inventory, so a
/// request reads one consistent snapshot without a lock.
/// </summary>
internal sealed class SubscriptionInventory
{
    public SubscriptionInventory(EstateSubscription subscription, IEnumerable<EstateVm> vms)
    {
        Subscription = subscription;
        VirtualMachines = new KeyedList<EstateVm>(vms, vm => vm.ResourceId);
        var nics = VirtualMachines.Items().SelectMany(vm => vm.Nics.Select(nic => new AttachedNic(nic, vm))).ToList();
        NetworkInterfaces = new KeyedList<AttachedNic>(nics, n => n.Nic.Id);
        PublicIps = new KeyedList<AttachedNic>(nics.Where(n => n.Nic.PublicIpId is not null), n => n.Nic.PublicIpId!);
    }

    public EstateSubscription Subscription { get; }

    public KeyedList<EstateVm> VirtualMachines { get; }

    public KeyedList<AttachedNic> NetworkInterfaces { get; }

    /// <summary>NICs that carry a public IP, keyed by the public IP's id.</summary>
    public KeyedList<AttachedNic> PublicIps { get; }
}

/// <summary>A NIC and the VM it is attached to.</summary>
internal sealed record AttachedNic(EstateNic Nic, EstateVm Vm);
