using System.Runtime.CompilerServices;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Inventory.Correlation;
using AssetBridge.Core.Storage;

namespace AssetBridge.Core.Application;

/// <summary>
/// Reads the inventory as users see it: each CMDB device with its adapters, its linked business
/// applications and its criticality, joined with the Azure VM it is; then the VM instance CIs no
/// device links to; then the Azure VMs no CMDB record claims. The CMDB is streamed one record at a
/// time; only the cloud estate is held in memory (see <see cref="CloudIndex"/>).
/// </summary>
public sealed class InventoryReader
{
    /// <summary>The watermark scope prefix under which an Azure connector records each subscription it listed completely.</summary>
    public const string ListedSubscriptionScopePrefix = "subscription:";

    private readonly IStore _store;

    public InventoryReader(IStore store)
    {
        _store = store;
    }

    /// <param name="query">Which entries: a ServiceNow connector keeps its records, an Azure connector its VMs.</param>
    /// <param name="minCriticality">Keep only entries at this level or more critical (0 very high .. 3 low); null keeps all.</param>
    public async IAsyncEnumerable<InventoryEntry> ReadAsync(
        DeviceQuery query,
        int? minCriticality,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cloud = await LoadCloudAsync(cancellationToken).ConfigureAwait(false);
        var only = query.ConnectorId is { } id ? await _store.Connectors.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
        var onlyCloud = only is not null && string.Equals(only.Kind, ConnectorKinds.Azure, StringComparison.OrdinalIgnoreCase);

        // An Azure connector's view still needs every CMDB record, to know which of its VMs are claimed.
        var cmdbQuery = onlyCloud ? query with { ConnectorId = null } : query;
        var applications = new Dictionary<long, IReadOnlyDictionary<string, BusinessApplication>>();
        await foreach (var stored in _store.Inventory.ReadDevicesAsync(cmdbQuery, cancellationToken).ConfigureAwait(false))
        {
            var linked = await LinkedApplicationsAsync(applications, stored, cancellationToken).ConfigureAwait(false);
            var correlation = CloudCorrelator.Correlate(cloud, stored.Device, stored.Adapters, stored.VmInstances);
            if (onlyCloud && correlation.Cloud?.Connector != only!.Name)
            {
                continue;
            }

            var entry = Entry(stored.ConnectorName, stored.Device, stored.Adapters, linked, stored.DeletedAt, correlation);
            if (Keeps(entry, minCriticality))
            {
                yield return entry;
            }
        }

        await foreach (var unlinked in _store.Inventory.ReadUnlinkedVmInstancesAsync(onlyCloud ? null : query.ConnectorId, cancellationToken).ConfigureAwait(false))
        {
            var device = DeviceOf(unlinked.Instance);
            var correlation = CloudCorrelator.Correlate(cloud, device, [], [unlinked.Instance]);
            if (onlyCloud && correlation.Cloud?.Connector != only!.Name)
            {
                continue;
            }

            var entry = Entry(unlinked.ConnectorName, device, [], [], unlinked.DeletedAt, correlation);
            if ((query.IncludeDeleted || unlinked.DeletedAt is null) && Keeps(entry, minCriticality))
            {
                yield return entry;
            }
        }

        if (only is not null && !onlyCloud)
        {
            yield break;
        }

        foreach (var record in cloud.Unclaimed())
        {
            if (onlyCloud && record.Connector != only!.Name)
            {
                continue;
            }

            var entry = Entry(record.Connector, DeviceOf(record.Vm), [], [], null, CloudCorrelator.Unmanaged(record)) with
            {
                Criticality = TagCriticality.Evaluate(record.Vm),
            };
            if (Keeps(entry, minCriticality))
            {
                yield return entry;
            }
        }
    }

    private async Task<CloudIndex> LoadCloudAsync(CancellationToken cancellationToken)
    {
        var index = new CloudIndex();
        var clouds = (await _store.Connectors.ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(c => string.Equals(c.Kind, ConnectorKinds.Azure, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (clouds.Count == 0)
        {
            return index;
        }

        foreach (var connector in clouds)
        {
            var watermarks = await _store.Connectors.GetWatermarksAsync(connector.Id, cancellationToken).ConfigureAwait(false);
            foreach (var scope in watermarks.Keys.Where(k => k.StartsWith(ListedSubscriptionScopePrefix, StringComparison.Ordinal)))
            {
                index.AddListedSubscription(scope[ListedSubscriptionScopePrefix.Length..]);
            }
        }

        await foreach (var vm in _store.Inventory.ReadCloudVmsAsync(null, cancellationToken).ConfigureAwait(false))
        {
            index.Add(new CloudRecord(vm.ConnectorName, vm.Vm));
        }

        return index;
    }

    private async Task<IReadOnlyList<BusinessApplication>> LinkedApplicationsAsync(
        Dictionary<long, IReadOnlyDictionary<string, BusinessApplication>> cache,
        StoredDevice stored,
        CancellationToken cancellationToken)
    {
        if (!cache.TryGetValue(stored.ConnectorId, out var byId))
        {
            byId = await _store.Inventory.ReadApplicationsAsync(stored.ConnectorId, cancellationToken).ConfigureAwait(false);
            cache[stored.ConnectorId] = byId;
        }

        var linked = new List<BusinessApplication>(stored.ApplicationSysIds.Count);
        foreach (var sysId in stored.ApplicationSysIds)
        {
            if (byId.TryGetValue(sysId, out var app))
            {
                linked.Add(app);
            }
        }

        return linked;
    }

    private static InventoryEntry Entry(
        string connector,
        Device device,
        IReadOnlyList<NetworkAdapter> adapters,
        IReadOnlyList<BusinessApplication> applications,
        DateTimeOffset? deletedAt,
        CloudJoin correlation) =>
        new(connector, device, adapters, applications, CriticalityEvaluator.Evaluate(device, applications), deletedAt)
        {
            Status = correlation.Status,
            Cloud = correlation.Cloud,
            Match = correlation.Match,
            Exposure = correlation.Exposure,
        };

    private static bool Keeps(InventoryEntry entry, int? minCriticality) =>
        minCriticality is null || (entry.Criticality.Level is { } level && level <= minCriticality);

    /// <summary>A VM instance CI that no computer links to stands in the inventory as its own device.</summary>
    private static Device DeviceOf(VmInstance instance) => new()
    {
        SysId = instance.SysId,
        Name = instance.Name,
        Virtual = true,
        SysClassName = "cmdb_ci_vm_instance",
        SysUpdatedOn = instance.SysUpdatedOn,
    };

    /// <summary>A VM without a CMDB record has no sys_id; what it is comes from Azure.</summary>
    private static Device DeviceOf(CloudVm vm) => new()
    {
        SysId = string.Empty,
        Name = vm.ComputerName ?? vm.Name,
        Os = vm.OsType,
        Virtual = true,
    };
}
