namespace AssetBridge.Core.Ingestion;

/// <summary>
/// A page of results for a job (the ECC queue's input side). It is keyed by
/// <c>(job, attempt, seq)</c>: a repeated upload of the same chunk is ignored, while a re-run of the
/// job (a new attempt after a lost lease) is applied again, harmlessly, because upserts are keyed
/// by sys_id. A chunk whose lease token is no longer the job's current one is refused.
/// </summary>
public sealed record ResultChunk(long JobId, Guid LeaseToken, int Attempt, int Seq, InventoryBatch Batch);

/// <summary>What happened to a chunk.</summary>
public enum ChunkApplyResult
{
    Applied,
    /// <summary>Already applied earlier: nothing changed.</summary>
    Duplicate,
    /// <summary>The lease is no longer current (expired and re-claimed, or the job ended): the sender must stop.</summary>
    LeaseLost,
}
