using System.Collections.Concurrent;
using AssetBridge.Core.Ingestion;
using AssetBridge.Core.Operations;

namespace AssetBridge.Connectors.ServiceNow.Tests.Support;

/// <summary>Keeps every batch an operation wrote, in order.</summary>
internal sealed class RecordingResultWriter(Action<int>? afterBatch = null) : IResultWriter
{
    private readonly ConcurrentQueue<InventoryBatch> _batches = new();

    public IReadOnlyList<InventoryBatch> Batches => [.. _batches];

    public ValueTask WriteAsync(InventoryBatch batch, CancellationToken cancellationToken)
    {
        _batches.Enqueue(batch);
        afterBatch?.Invoke(_batches.Count);
        return ValueTask.CompletedTask;
    }

    /// <summary>The sys_ids of every record written, in order, repeats kept.</summary>
    public IReadOnlyList<string> SysIds() => Batches.SelectMany(b => b switch
    {
        DeviceBatch d => d.Items.Select(i => i.SysId),
        NetworkAdapterBatch a => a.Items.Select(i => i.SysId),
        BusinessApplicationBatch a => a.Items.Select(i => i.SysId),
        RelationshipBatch r => r.Items.Select(i => i.SysId),
        VmInstanceBatch v => v.Items.Select(i => i.SysId),
        _ => [],
    }).ToList();
}
