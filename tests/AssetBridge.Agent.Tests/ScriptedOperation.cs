using AssetBridge.Core.Errors;
using AssetBridge.Core.Ingestion;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Operations;

namespace AssetBridge.Agent.Tests;

/// <summary>
/// An operation handler whose pages the test scripts: it yields device pages and can pause between
/// them (so the test can steal the lease) or fail with a user-facing error.
/// </summary>
internal sealed class ScriptedOperation : IOperation
{
    public static readonly OperationKey ListDevicesKey = new("test", "cmdb", "1.0", "ListDevices");

    public List<IReadOnlyList<Device>> Pages { get; } = [];

    /// <summary>Called before each page after the first; the test may steal the lease here.</summary>
    public Func<int, Task>? BetweenPages { get; set; }

    public AssetBridgeException? FailAfterPages { get; set; }

    public int Executions { get; private set; }

    public OperationKey Key => ListDevicesKey;

    public async Task<JobOutcome> ExecuteAsync(OperationContext context, IResultWriter results, CancellationToken cancellationToken)
    {
        Executions++;
        long records = 0;
        for (var i = 0; i < Pages.Count; i++)
        {
            if (i > 0 && BetweenPages is not null)
            {
                await BetweenPages(i);
            }

            await results.WriteAsync(new DeviceBatch(Pages[i]), cancellationToken);
            records += Pages[i].Count;
        }

        if (FailAfterPages is not null)
        {
            throw FailAfterPages;
        }

        return new JobOutcome(records, Pages.Count, new Watermark("2026-01-01 00:00:00", Pages.Count == 0 ? "0" : Pages[^1][^1].SysId), records);
    }

    public static IReadOnlyList<Device> DevicePage(int from, int count) =>
        Enumerable.Range(from, count).Select(i => new Device { SysId = $"d{i:D5}", Name = $"srv-{i}" }).ToList();
}
