using AssetBridge.Core.Ingestion;

namespace AssetBridge.Core.Operations;

/// <summary>Where an operation streams its pages. The executor numbers them and delivers each once.</summary>
public interface IResultWriter
{
    ValueTask WriteAsync(InventoryBatch batch, CancellationToken cancellationToken);
}
