namespace AssetBridge.Emulators.Estate;

/// <summary>
/// A seeded cloud estate: the subscriptions and VMs Azure has, and what a CMDB holds about them.
/// The Azure emulator serves the first half and the ServiceNow emulator the second, so a join
/// across the two has exact, known answers. Immutable; safe to share between emulators and threads.
/// </summary>
public sealed class CloudEstate
{
    internal CloudEstate(CloudEstateOptions options, IReadOnlyList<EstateSubscription> subscriptions, IReadOnlyList<EstateVm> vms, IReadOnlyList<EstateCmdbTwin> twins)
    {
        Options = options;
        Subscriptions = subscriptions;
        Vms = vms;
        CmdbTwins = twins;
    }

    /// <summary>A copy of the options the estate was generated from.</summary>
    public CloudEstateOptions Options { get; }

    /// <summary>The tenant's subscriptions.</summary>
    public IReadOnlyList<EstateSubscription> Subscriptions { get; }

    /// <summary>What Azure has, by subscription, then by ordinal within it.</summary>
    public IReadOnlyList<EstateVm> Vms { get; }

    /// <summary>What the CMDB should hold about the estate: one twin per matched VM, then the stale ones, by subscription.</summary>
    public IReadOnlyList<EstateCmdbTwin> CmdbTwins { get; }

    /// <summary>Generates the estate: a pure function of <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message says which and why.</exception>
    public static CloudEstate Generate(CloudEstateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new EstateGenerator(options.Copy()).Generate();
    }
}
