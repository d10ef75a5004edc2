using AssetBridge.Bench;

// bench: orchestrates (default), or plays one role in a child process ("serve", "sync").
return args.FirstOrDefault() switch
{
    "serve" => await EmulatorRole.RunAsync(args[1..]),
    "sync" => await SyncRole.RunAsync(args[1..]),
    _ => await SyncBenchmark.RunAsync(args),
};
