using AssetBridge.Bench;
using AssetBridge.Bench.Queue;

// bench: orchestrates the sync benchmark (default), plays one of its roles in a child process ("serve",
// "sync"), or measures the job queue ("queue").
return args.FirstOrDefault() switch
{
    "queue" => await QueueBenchmark.RunAsync(args[1..]),
    "serve" => await EmulatorRole.RunAsync(args[1..]),
    "sync" => await SyncRole.RunAsync(args[1..]),
    _ => await SyncBenchmark.RunAsync(args),
};
