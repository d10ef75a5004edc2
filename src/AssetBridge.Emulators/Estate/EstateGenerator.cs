using System.Globalization;

namespace AssetBridge.Emulators.Estate;

/// <summary>
/// Builds a <see cref="CloudEstate"/>. Which VMs overlap the CMDB, and how, is decided per
/// subscription by a seeded permutation of ordinals, so the counts are exact while the kinds are
/// mixed. Uniqueness is by construction, not by luck: MACs come from a bijection on a global NIC
/// counter (24 bits), private IPs from a per-subscription counter inside 10.(100 + s).0.0/16,
/// public IPs from a global counter inside 20.64.0.0/11.
/// </summary>
internal sealed class EstateGenerator(CloudEstateOptions options)
{
    // Odd, so multiplying permutes the 24 low MAC bits: unique addresses that do not look sequential.
    private const int MacMultiplier = 0x5DEECD;

    // Azure reserves the first four addresses of every subnet; hosts start at .4 and stop before .254.
    private const int HostsPerSubnet = 250;

    private readonly EstateDraws subscriptionDraws = new(options.Seed, "subscription");
    private readonly EstateDraws vmDraws = new(options.Seed, "vm");
    private readonly EstateDraws overlapDraws = new(options.Seed, "overlap");
    private readonly EstateDraws staleDraws = new(options.Seed, "stale");
    private readonly int macSalt = (int)(new EstateDraws(options.Seed, "mac").Draw(0) & 0xFFFFFF);
    private int nextNic;
    private int nextPublicIp;

    private enum Field
    {
        Role = 1,
        OsType,
        Image,
        Size,
        Region,
        RegionChoice,
        Power,
        SecondNic,
        SecondIp,
        Environment,
        Owner,
        NoTags,
        CostCenter,
    }

    public CloudEstate Generate()
    {
        var subscriptions = new List<EstateSubscription>(options.Subscriptions);
        var vms = new List<EstateVm>(options.Subscriptions * options.VmsPerSubscription);
        var twins = new List<EstateCmdbTwin>();
        for (var s = 0; s < options.Subscriptions; s++)
        {
            var subscription = new EstateSubscription(subscriptionDraws.Guid(s), SubscriptionName(s), "Enabled");
            subscriptions.Add(subscription);
            var overlaps = Overlaps(s);
            var publicIps = PublicIps(s);
            var privateIps = 0;
            for (var v = 0; v < options.VmsPerSubscription; v++)
            {
                var vm = Vm(subscription.SubscriptionId, s, v, overlaps[v], publicIps[v], ref privateIps);
                vms.Add(vm);
                if (Twin(vm, v) is { } twin)
                {
                    twins.Add(twin);
                }
            }

            for (var k = 0; k < options.StalePerSubscription; k++)
            {
                twins.Add(StaleTwin(subscription.SubscriptionId, s, k));
            }
        }

        return new CloudEstate(options, subscriptions, vms, twins);
    }

    private static string SubscriptionName(int s)
    {
        var names = EstateVocabulary.SubscriptionNames;
        var round = s / names.Length;
        return round == 0 ? names[s] : string.Create(CultureInfo.InvariantCulture, $"{names[s % names.Length]} {round + 1}");
    }

    /// <summary>Each VM's overlap: exact counts per kind, spread by a seeded permutation.</summary>
    private EstateOverlap[] Overlaps(int s)
    {
        var n = options.VmsPerSubscription;
        var result = new EstateOverlap[n];
        Array.Fill(result, EstateOverlap.Unmanaged);
        var order = overlapDraws.Permutation(n, s);
        var at = 0;
        foreach (var (kind, share) in new[]
        {
            (EstateOverlap.VmId, options.MatchByVmId),
            (EstateOverlap.ResourceId, options.MatchByResourceId),
            (EstateOverlap.Mac, options.MatchByMac),
            (EstateOverlap.NameIp, options.MatchByNameIp),
        })
        {
            for (var end = Math.Min(n, at + options.CountOf(share)); at < end; at++)
            {
                result[order[at]] = kind;
            }
        }

        return result;
    }

    private bool[] PublicIps(int s)
    {
        var result = new bool[options.VmsPerSubscription];
        var order = overlapDraws.Permutation(options.VmsPerSubscription, -1 - s);
        for (var k = 0; k < options.CountOf(options.PublicIpShare); k++)
        {
            result[order[k]] = true;
        }

        return result;
    }

    private EstateVm Vm(string subscriptionId, int s, int v, EstateOverlap overlap, bool hasPublicIp, ref int privateIps)
    {
        long index = ((long)s * CloudEstateOptions.MaxVmsPerSubscription) + v;
        var (role, resourceGroup, fixedOs) = EstateVocabulary.Roles[vmDraws.Pick(index, (int)Field.Role, EstateVocabulary.Roles.Length)];
        var osType = fixedOs ?? (vmDraws.Pick(index, (int)Field.OsType, 2) == 0 ? "Windows" : "Linux");
        var images = osType == "Windows" ? EstateVocabulary.WindowsImages : EstateVocabulary.LinuxImages;
        var sizes = osType == "Windows" ? EstateVocabulary.WindowsSizes : EstateVocabulary.LinuxSizes;
        var computerName = string.Create(CultureInfo.InvariantCulture, $"{role}{s + 1:D2}{v + 1:D4}");
        var name = "vm-" + computerName;
        var location = vmDraws.Pick(index, (int)Field.Region, 4) == 0
            ? EstateVocabulary.Regions[vmDraws.Pick(index, (int)Field.RegionChoice, EstateVocabulary.Regions.Length)]
            : EstateVocabulary.Regions[s % EstateVocabulary.Regions.Length];

        // A deallocated VM's NIC has no MAC in Azure; a VM the CMDB knows by MAC must therefore keep one.
        var power = vmDraws.Pick(index, (int)Field.Power, 20) switch
        {
            0 or 1 when overlap != EstateOverlap.Mac => "deallocated",
            2 => "stopped",
            _ => "running",
        };

        var nicCount = vmDraws.Pick(index, (int)Field.SecondNic, 8) == 0 ? 2 : 1;
        var nics = new List<EstateNic>(nicCount);
        for (var n = 0; n < nicCount; n++)
        {
            var primary = n == 0;
            var ipCount = primary && vmDraws.Pick(index, (int)Field.SecondIp, 10) == 0 ? 2 : 1;
            var ips = new List<string>(ipCount);
            for (var i = 0; i < ipCount; i++)
            {
                ips.Add(PrivateIp(s, privateIps++));
            }

            var nicName = string.Create(CultureInfo.InvariantCulture, $"{name}-nic{n}");
            var mac = EstateIds.AzureMac(unchecked((nextNic++ * MacMultiplier) + macSalt) & 0xFFFFFF);
            var withPublicIp = primary && hasPublicIp;
            nics.Add(new EstateNic(
                EstateIds.NetworkInterface(subscriptionId, resourceGroup, nicName),
                nicName,
                power == "deallocated" ? null : mac,
                ips,
                withPublicIp ? EstateIds.PublicIp(subscriptionId, resourceGroup, name + "-pip") : null,
                withPublicIp ? PublicIp(nextPublicIp++) : null,
                primary));
        }

        return new EstateVm(
            subscriptionId,
            resourceGroup,
            name,
            computerName,
            vmDraws.Guid(index),
            location,
            sizes[vmDraws.Pick(index, (int)Field.Size, sizes.Length)],
            osType,
            images[vmDraws.Pick(index, (int)Field.Image, images.Length)].Image,
            power,
            Tags(index),
            nics,
            overlap);
    }

    private Dictionary<string, string> Tags(long index)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (vmDraws.Pick(index, (int)Field.NoTags, 10) == 0)
        {
            return tags;
        }

        tags["environment"] = EstateVocabulary.Environments[vmDraws.Pick(index, (int)Field.Environment, EstateVocabulary.Environments.Length)];
        tags["owner"] = EstateVocabulary.Owners[vmDraws.Pick(index, (int)Field.Owner, EstateVocabulary.Owners.Length)];
        tags["costCenter"] = string.Create(CultureInfo.InvariantCulture, $"CC-{1000 + vmDraws.Pick(index, (int)Field.CostCenter, 9000)}");
        return tags;
    }

    private static string PrivateIp(int s, int k) =>
        string.Create(CultureInfo.InvariantCulture, $"10.{100 + s}.{k / HostsPerSubnet}.{(k % HostsPerSubnet) + 4}");

    private static string PublicIp(int k) =>
        string.Create(CultureInfo.InvariantCulture, $"20.{64 + (k / 65024)}.{k / 254 % 256}.{(k % 254) + 1}");

    /// <summary>The CMDB's record of a VM, carrying only the identifiers of its overlap.</summary>
    private static EstateCmdbTwin? Twin(EstateVm vm, int v)
    {
        var os = EstateVocabulary.CmdbOs(vm.Image);
        var discoveredName = vm.ComputerName.ToUpperInvariant();
        var primary = vm.Nics[0];
        return vm.Overlap switch
        {
            EstateOverlap.VmId => new EstateCmdbTwin(vm.Overlap, discoveredName, os, null, null, vm.ResourceId, vm.VmId, vm.ResourceId),
            EstateOverlap.ResourceId => new EstateCmdbTwin(vm.Overlap, discoveredName, os, null, null, vm.ResourceId.ToLowerInvariant(), null, vm.ResourceId),
            EstateOverlap.Mac => new EstateCmdbTwin(
                vm.Overlap,
                AssetName(vm),
                os,
                EstateIds.ServiceNowMac(primary.MacAddress!),
                null,
                null,
                null,
                vm.ResourceId),
            EstateOverlap.NameIp => new EstateCmdbTwin(
                vm.Overlap,
                v % 2 == 0 ? discoveredName : discoveredName + "." + EstateVocabulary.DnsDomain,
                os,
                null,
                primary.PrivateIps[0],
                null,
                null,
                vm.ResourceId),
            _ => null,
        };
    }

    /// <summary>A name an asset team gave the machine, unrelated to its guest name, so only the MAC joins it.</summary>
    private static string AssetName(EstateVm vm) => "AZR-" + vm.ComputerName[^6..];

    private EstateCmdbTwin StaleTwin(string subscriptionId, int s, int k)
    {
        long index = ((long)s * 1000) + k;
        var name = string.Create(CultureInfo.InvariantCulture, $"old{s + 1:D2}{k + 1:D4}");
        var linux = staleDraws.Pick(index, 1, 2) == 0;
        var images = linux ? EstateVocabulary.LinuxImages : EstateVocabulary.WindowsImages;
        var resourceId = EstateIds.VirtualMachine(subscriptionId, EstateVocabulary.RetiredResourceGroup, "vm-" + name);
        return new EstateCmdbTwin(
            EstateOverlap.Stale,
            name.ToUpperInvariant(),
            images[staleDraws.Pick(index, 2, images.Length)].CmdbOs,
            null,
            null,
            resourceId,
            staleDraws.Guid(index),
            resourceId);
    }
}
