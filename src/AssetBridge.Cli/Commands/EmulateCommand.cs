using System.CommandLine;
using AssetBridge.Core.Errors;
using AssetBridge.Emulators.Azure;
using AssetBridge.Emulators.Estate;
using AssetBridge.Emulators.ServiceNow;

namespace AssetBridge.Cli.Commands;

/// <summary>
/// <c>emulate servicenow|azure</c>: source emulators on loopback, for trials, tests and benchmarks. Both
/// take the same <c>--estate-*</c> options: the Azure emulator serves that estate's VMs, and the
/// ServiceNow emulator adds the CMDB records that overlap them (matched, stale).
/// </summary>
internal static class EmulateCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("emulate", "Run a source emulator on 127.0.0.1 until Ctrl+C.");
        command.Subcommands.Add(ServiceNow(console));
        command.Subcommands.Add(Azure(console));
        return command;
    }

    /// <summary>The shared cloud estate's options; the same values on both emulators give overlapping data.</summary>
    private sealed class EstateOptions
    {
        public Option<int> Seed { get; } = new("--estate-seed") { Description = "Seed of the shared cloud estate.", DefaultValueFactory = _ => 1 };

        public Option<int> Subscriptions { get; } = new("--estate-subscriptions") { Description = "Subscriptions in the shared cloud estate (azure: default 3; servicenow: default 0, which adds no overlapping records)." };

        public Option<int> Vms { get; } = new("--estate-vms") { Description = "VMs per subscription in the shared cloud estate.", DefaultValueFactory = _ => 20 };

        public void AddTo(Command command)
        {
            command.Options.Add(Seed);
            command.Options.Add(Subscriptions);
            command.Options.Add(Vms);
        }

        public CloudEstateOptions Read(ParseResult parse) => new()
        {
            Seed = parse.GetValue(Seed),
            Subscriptions = parse.GetValue(Subscriptions),
            VmsPerSubscription = parse.GetValue(Vms),
        };
    }

    private static Command Azure(CliConsole console)
    {
        var port = new Option<int>("--port") { Description = "TCP port on 127.0.0.1 (0 picks a free one).", Required = true };
        var clientId = new Option<string>("--client-id") { Description = "The service principal's client id.", DefaultValueFactory = _ => AzureEmulatorOptions.DefaultClientId };
        var clientSecret = new Option<string>("--client-secret") { Description = "Its client secret (a test tenant's, not a secret).", DefaultValueFactory = _ => AzureEmulatorOptions.DefaultClientSecret };
        var pageSize = new Option<int>("--page-size") { Description = "Items per ARM list page.", DefaultValueFactory = _ => 100 };
        var bucket = new Option<int>("--read-bucket") { Description = "ARM read token bucket size per principal and subscription.", DefaultValueFactory = _ => 250 };
        var refill = new Option<double>("--read-refill") { Description = "ARM read tokens refilled per second.", DefaultValueFactory = _ => 25 };
        var faultRate = new Option<double>("--fault-rate") { Description = "Fraction of requests that fail transiently (0-1)." };
        var certificateOut = new Option<string?>("--certificate-out") { Description = "Write the emulator's TLS certificate (PEM) here, for SSL_CERT_FILE." };
        var estate = new EstateOptions();
        var command = new Command("azure", "Azure: Entra ID client credentials, ARM subscriptions, VMs, NICs and public IPs over HTTPS, with ARM's throttling.")
        {
            port, clientId, clientSecret, pageSize, bucket, refill, faultRate, certificateOut,
        };
        estate.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var estateOptions = estate.Read(parse);
            if (estateOptions.Subscriptions == 0)
            {
                estateOptions.Subscriptions = 3;
            }

            var options = new AzureEmulatorOptions
            {
                Port = parse.GetValue(port),
                Estate = estateOptions,
                Principals = [new AzureEmulatorPrincipal(parse.GetValue(clientId)!, parse.GetValue(clientSecret))],
                PageSize = parse.GetValue(pageSize),
                ReadBucketSize = parse.GetValue(bucket),
                ReadRefillPerSecond = parse.GetValue(refill),
                FaultRate = parse.GetValue(faultRate),
            };
            try
            {
                await AzureEmulatorHost.RunAsync(options, console.Out, parse.GetValue(certificateOut), cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException e)
            {
                throw new AssetBridgeException(ErrorKind.Usage, e.Message);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C is how the emulator is meant to stop.
            }

            return 0;
        });
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
        var estate = new EstateOptions();
        estate.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var estateOptions = estate.Read(parse);
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
                CloudEstate = estateOptions.Subscriptions > 0 ? GenerateEstate(estateOptions) : null,
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

    /// <summary>Generates a cloud estate; options out of range are a usage error with the generator's sentence.</summary>
    internal static CloudEstate GenerateEstate(CloudEstateOptions options)
    {
        try
        {
            return CloudEstate.Generate(options);
        }
        catch (ArgumentException e)
        {
            throw new AssetBridgeException(ErrorKind.Usage, e.Message);
        }
    }
}
