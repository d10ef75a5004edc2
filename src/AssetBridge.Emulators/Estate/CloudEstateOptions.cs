namespace AssetBridge.Emulators.Estate;

/// <summary>
/// The shape of a generated cloud estate: its subscriptions and VMs, and how much of it the CMDB
/// knows and by which identifier. Shares are taken per subscription as
/// floor(<see cref="VmsPerSubscription"/> × share), so tests can compute exact counts.
/// </summary>
public sealed class CloudEstateOptions
{
    /// <summary>The most subscriptions an estate may have (their private IPs are 10.100.0.0 to 10.199.255.255).</summary>
    public const int MaxSubscriptions = 100;

    /// <summary>The most VMs per subscription (two NICs each at most must fit one 10.x.0.0/16).</summary>
    public const int MaxVmsPerSubscription = 20_000;

    /// <summary>Seed of every generated value. Default 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>The Entra tenant the estate lives in (a GUID). Default 72f988bf-0000-4000-8000-00000000a2b1.</summary>
    public string TenantId { get; set; } = "72f988bf-0000-4000-8000-00000000a2b1";

    /// <summary>Subscriptions, all "Enabled". Default 3; at most <see cref="MaxSubscriptions"/>.</summary>
    public int Subscriptions { get; set; } = 3;

    /// <summary>VMs in each subscription. Default 20; at most <see cref="MaxVmsPerSubscription"/>.</summary>
    public int VmsPerSubscription { get; set; } = 20;

    /// <summary>Share of VMs the CMDB holds as a computer plus a cmdb_ci_vm_instance carrying vm_inst_id and object_id. Default 0.3.</summary>
    public double MatchByVmId { get; set; } = 0.3;

    /// <summary>Share of VMs the CMDB holds as a vm instance with object_id only, in another letter case than Azure's. Default 0.1.</summary>
    public double MatchByResourceId { get; set; } = 0.1;

    /// <summary>Share of VMs the CMDB holds as a computer whose adapter has the NIC's MAC (00:0d:3a:… where Azure says 00-0D-3A-…). Default 0.2.</summary>
    public double MatchByMac { get; set; } = 0.2;

    /// <summary>Share of VMs the CMDB holds as a computer named like the guest (another case, sometimes an FQDN) with the private IP and no MAC. Default 0.1.</summary>
    public double MatchByNameIp { get; set; } = 0.1;

    /// <summary>CMDB computers + vm instances per subscription that name a VM Azure no longer has. Default 1.</summary>
    public int StalePerSubscription { get; set; } = 1;

    /// <summary>Share of VMs with a public IP address (internet-facing). Default 0.25.</summary>
    public double PublicIpShare { get; set; } = 0.25;

    /// <summary>Fails with a sentence naming the setting and the allowed values.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        Require(Guid.TryParseExact(TenantId, "D", out _), $"TenantId must be a GUID such as 72f988bf-0000-4000-8000-00000000a2b1; it is '{TenantId}'.");
        Require(Subscriptions is >= 0 and <= MaxSubscriptions, $"Subscriptions must be between 0 and {MaxSubscriptions}; it is {Subscriptions}.");
        Require(VmsPerSubscription is >= 0 and <= MaxVmsPerSubscription, $"VmsPerSubscription must be between 0 and {MaxVmsPerSubscription}; it is {VmsPerSubscription}.");
        RequireShare(MatchByVmId, nameof(MatchByVmId));
        RequireShare(MatchByResourceId, nameof(MatchByResourceId));
        RequireShare(MatchByMac, nameof(MatchByMac));
        RequireShare(MatchByNameIp, nameof(MatchByNameIp));
        RequireShare(PublicIpShare, nameof(PublicIpShare));
        var matched = MatchByVmId + MatchByResourceId + MatchByMac + MatchByNameIp;
        Require(matched <= 1 + 1e-9, $"MatchByVmId + MatchByResourceId + MatchByMac + MatchByNameIp must not exceed 1 (the rest of the VMs are unmanaged); they add up to {matched}.");
        Require(StalePerSubscription is >= 0 and <= 1000, $"StalePerSubscription must be between 0 and 1000; it is {StalePerSubscription}.");
    }

    /// <summary>How many of a subscription's VMs a share stands for.</summary>
    internal int CountOf(double share) => (int)Math.Floor((VmsPerSubscription * share) + 1e-9);

    internal CloudEstateOptions Copy() => (CloudEstateOptions)MemberwiseClone();

    private static void RequireShare(double share, string name) =>
        Require(share is >= 0 and <= 1, $"{name} must be between 0 and 1; it is {share}.");

    private static void Require(bool condition, string sentence)
    {
        if (!condition)
        {
            throw new ArgumentException(sentence);
        }
    }
}
