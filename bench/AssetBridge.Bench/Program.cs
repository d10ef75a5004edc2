using AssetBridge.Bench;

// bench: the sync benchmark (default), "azure" (Azure sync against the ARM throttle), or one role in a child process ("serve", "sync", "serve-azure").
return args.FirstOrDefault() switch
{
    "serve" => await EmulatorRole.RunAsync(args[1..]),
    "sync" => await SyncRole.RunAsync(args[1..]),
    "azure" => await AssetBridge.Bench.Azure.AzureThrottleBenchmark.RunAsync(args[1..]),
    "serve-azure" => await AssetBridge.Bench.Azure.AzureEmulatorRole.RunAsync(args[1..]),
    _ => await SyncBenchmark.RunAsync(args),
};
