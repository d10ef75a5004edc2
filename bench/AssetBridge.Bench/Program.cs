using AssetBridge.Bench;
using AssetBridge.Bench.Azure;
using AssetBridge.Bench.Queue;

// bench: the sync benchmark (default), the job queue ("queue"), an Azure sync against the ARM
// throttle ("azure"), or one role in a child process ("serve", "sync", "serve-azure").
return args.FirstOrDefault() switch
{
    "queue" => await QueueBenchmark.RunAsync(args[1..]),
    "azure" => await AzureThrottleBenchmark.RunAsync(args[1..]),
    "serve" => await EmulatorRole.RunAsync(args[1..]),
    "sync" => await SyncRole.RunAsync(args[1..]),
    "serve-azure" => await AzureEmulatorRole.RunAsync(args[1..]),
    _ => await SyncBenchmark.RunAsync(args),
};
