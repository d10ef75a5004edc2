using System.Runtime.CompilerServices;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Storage;

namespace AssetBridge.Core.Application;

/// <summary>
/// Reads the inventory as users see it: each device with its adapters, its linked business
/// applications and its criticality. Streamed: one device at a time, applications cached per connector.
/// </summary>
public sealed class InventoryReader
{
    private readonly IStore _store;

    public InventoryReader(IStore store)
    {
        _store = store;
    }

    /// <param name="query">Which devices.</param>
    /// <param name="minCriticality">Keep only devices at this level or more critical (0 very high .. 3 low); null keeps all.</param>
    public async IAsyncEnumerable<InventoryEntry> ReadAsync(
        DeviceQuery query,
        int? minCriticality,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var applications = new Dictionary<long, IReadOnlyDictionary<string, BusinessApplication>>();
        await foreach (var stored in _store.Inventory.ReadDevicesAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (!applications.TryGetValue(stored.ConnectorId, out var byId))
            {
                byId = await _store.Inventory.ReadApplicationsAsync(stored.ConnectorId, cancellationToken).ConfigureAwait(false);
                applications[stored.ConnectorId] = byId;
            }

            var linked = new List<BusinessApplication>(stored.ApplicationSysIds.Count);
            foreach (var sysId in stored.ApplicationSysIds)
            {
                if (byId.TryGetValue(sysId, out var app))
                {
                    linked.Add(app);
                }
            }

            var criticality = CriticalityEvaluator.Evaluate(stored.Device, linked);
            if (minCriticality is not null && (criticality.Level is null || criticality.Level > minCriticality))
            {
                continue;
            }

            yield return new InventoryEntry(stored.ConnectorName, stored.Device, stored.Adapters, linked, criticality, stored.DeletedAt);
        }
    }
}
