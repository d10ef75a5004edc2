using AssetBridge.Emulators.ServiceNow;

namespace AssetBridge.Cli.Tests.Infrastructure;

/// <summary>A sandbox with an initialised data directory, a ServiceNow emulator, a credential and a connector named "sn".</summary>
public sealed class ServiceNowScenario : IAsyncDisposable
{
    public const string Username = "svc_assetbridge";
    public const string Password = "canary-Pw-7c41e0-DO-NOT-LEAK";

    private ServiceNowScenario(CliSandbox sandbox, ServiceNowEmulator emulator)
    {
        Sandbox = sandbox;
        Emulator = emulator;
    }

    public CliSandbox Sandbox { get; }

    public ServiceNowEmulator Emulator { get; }

    public static async Task<ServiceNowScenario> StartAsync(Action<ServiceNowEmulatorOptions>? configure = null, params string[] connectorArgs)
    {
        var options = new ServiceNowEmulatorOptions
        {
            Devices = 60,
            AdaptersPerDevice = 2,
            Applications = 6,
            Seed = 7,
            Users = [new EmulatorUser(Username, Password, ["cmdb_read"])],
        };
        configure?.Invoke(options);
        var emulator = await ServiceNowEmulator.StartAsync(options);
        var sandbox = new CliSandbox();
        var scenario = new ServiceNowScenario(sandbox, emulator);
        (await sandbox.RunAsync("init")).Code(0);
        (await sandbox.RunWithInputAsync(Password + "\n", "credential", "add", "servicenow-basic", "--name", "sn-cred", "--username", Username)).Code(0);
        (await sandbox.RunAsync(["connector", "add", "servicenow", "--name", "sn", "--instance", emulator.BaseAddress.ToString(), "--credential", "sn-cred", .. connectorArgs])).Code(0);
        return scenario;
    }

    public Task<CliRun> RunAsync(params string[] args) => Sandbox.RunAsync(args);

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        Sandbox.Dispose();
    }
}
