using System.CommandLine;
using AssetBridge.Core.Errors;
using AssetBridge.Emulators.ServiceNow;

namespace AssetBridge.Cli.Commands;

/// <summary><c>emulate servicenow</c>: a ServiceNow Table API emulator on loopback, for trials, tests and benchmarks.</summary>
internal static class EmulateCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("emulate", "Run a source emulator on 127.0.0.1 until Ctrl+C.");
        command.Subcommands.Add(ServiceNow(console));
        return command;
    }

    private static Command ServiceNow(CliConsole console)
    {
        var port = new Option<int>("--port") { Description = "TCP port on 127.0.0.1 (0 picks a free one).", Required = true };
        var devices = new Option<int>("--devices") { Description = "Generated devices.", DefaultValueFactory = _ => 1000 };
        var adapters = new Option<int>("--adapters-per-device") { Description = "Network adapters per device.", DefaultValueFactory = _ => 2 };
        var apps = new Option<int>("--apps") { Description = "Generated business applications.", DefaultValueFactory = _ => 50 };
        var seed = new Option<int>("--seed") { Description = "Generator seed (same seed, same CMDB).", DefaultValueFactory = _ => 1 };
        var username = new Option<string>("--username") { Description = "The user with cmdb_read.", DefaultValueFactory = _ => "assetbridge" };
        var password = new Option<string>("--password") { Description = "That user's password (a test instance's, not a secret).", DefaultValueFactory = _ => "assetbridge" };
        var rateLimit = new Option<double>("--rate-limit") { Description = "Requests per second per user before 429 (0: none)." };
        var faultRate = new Option<double>("--fault-rate") { Description = "Fraction of requests that fail transiently (0-1)." };
        var command = new Command("servicenow", "A ServiceNow instance: Table API, OAuth, rate limits, faults, generated CMDB.")
        {
            port, devices, adapters, apps, seed, username, password, rateLimit, faultRate,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new ServiceNowEmulatorOptions
            {
                Port = parse.GetValue(port),
                Devices = parse.GetValue(devices),
                AdaptersPerDevice = parse.GetValue(adapters),
                Applications = parse.GetValue(apps),
                Seed = parse.GetValue(seed),
                Users = [new EmulatorUser(parse.GetValue(username)!, parse.GetValue(password)!, ["cmdb_read"])],
                RateLimitPerSecond = parse.GetValue(rateLimit),
                FaultRate = parse.GetValue(faultRate),
            };
            if (options.Port is < 0 or > 65535 || options.Devices < 0 || options.AdaptersPerDevice < 0 || options.Applications < 0
                || options.RateLimitPerSecond < 0 || options.FaultRate is < 0 or > 1)
            {
                throw new AssetBridgeException(ErrorKind.Usage, "Emulator sizes and rates must not be negative, --fault-rate must be 0 to 1, and --port 0 to 65535.");
            }

            try
            {
                await ServiceNowEmulatorHost.RunAsync(options, console.Out, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C is how the emulator is meant to stop.
            }

            return 0;
        });
        return command;
    }
}
