using AssetBridge.Core.Jobs;

namespace AssetBridge.Core.Operations;

/// <summary>
/// An operation handler (the seed's CAPI method mapper target): pages through a source's API for one
/// job and streams each page to the result writer.
/// </summary>
public interface IOperation
{
    OperationKey Key { get; }

    Task<JobOutcome> ExecuteAsync(OperationContext context, IResultWriter results, CancellationToken cancellationToken);
}
