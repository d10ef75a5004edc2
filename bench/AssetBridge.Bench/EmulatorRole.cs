using AssetBridge.Emulators.ServiceNow;

namespace AssetBridge.Bench;

/// <summary>Child process: the ServiceNow emulator, so its memory and CPU are not the sync's.</summary>
internal static class EmulatorRole
{
    public const string User = "bench";
    public const string Password = "bench-password";

    public static async Task<int> RunAsync(string[] args)
    {
        var a = new BenchArgs(args);
        var options = new ServiceNowEmulatorOptions
        {
            Devices = a.Int("--devices", 100_000),
            AdaptersPerDevice = a.Int("--adapters-per-device", 2),
            Applications = a.Int("--apps", 1000),
            Seed = 1,
            Users = [new EmulatorUser(User, Password, ["cmdb_read"])],
        };
        await using var emulator = await ServiceNowEmulator.StartAsync(options);
        Console.WriteLine($"READY {emulator.BaseAddress}");
        Console.Out.Flush();

        // Lives until the orchestrator closes our stdin.
        await Console.In.ReadToEndAsync();
        return 0;
    }
}
