using System.Collections.Concurrent;
using AssetBridge.Core.Ingestion;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Operations;

namespace AssetBridge.Connectors.Azure.Tests.Support;

/// <summary>Keeps every batch an operation wrote, in order.</summary>
internal sealed class RecordingResultWriter : IResultWriter
{
    private readonly ConcurrentQueue<InventoryBatch> _batches = new();

    public IReadOnlyList<InventoryBatch> Batches => [.. _batches];

    public IReadOnlyList<CloudVm> Vms => [.. Batches.OfType<CloudVmBatch>().SelectMany(b => b.Items)];

    public ValueTask WriteAsync(InventoryBatch batch, CancellationToken cancellationToken)
    {
        _batches.Enqueue(batch);
        return ValueTask.CompletedTask;
    }
}
