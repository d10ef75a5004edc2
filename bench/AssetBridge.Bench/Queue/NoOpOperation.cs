using AssetBridge.Core.Jobs;
using AssetBridge.Core.Operations;

namespace AssetBridge.Bench.Queue;

/// <summary>A job that does nothing: what is left is the queue, the dispatcher and the agent protocol.</summary>
internal sealed class NoOpOperation(DispatchTimes times) : IOperation
{
    public static readonly OperationKey Operation = new("bench", "queue", "1.0", "NoOp");

    private static readonly JobOutcome Nothing = new(0, 0, null, null);

    public OperationKey Key => Operation;

    public Task<JobOutcome> ExecuteAsync(OperationContext context, IResultWriter results, CancellationToken cancellationToken)
    {
        times.Held(context.Job.JobId);
        return Task.FromResult(Nothing);
    }
}
