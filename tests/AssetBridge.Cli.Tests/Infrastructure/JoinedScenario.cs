using AssetBridge.Emulators.Azure;
using AssetBridge.Emulators.Estate;
using AssetBridge.Emulators.ServiceNow;
using AssetBridge.Server.Composition;

namespace AssetBridge.Cli.Tests.Infrastructure;

/// <summary>
/// A sandbox with a ServiceNow emulator and an Azure emulator over one cloud estate, a connector for
/// each ("sn", "az"), and the Azure emulator's certificate trusted through ASSETBRIDGE_EXTRA_CA_FILE.
/// </summary>
public sealed class JoinedScenario : IAsyncDisposable
{
    public const string ClientSecret = "canary~Az8Q~f00dfeed-DO-NOT-LEAK-7d1e";

    private JoinedScenario(CliSandbox sandbox, ServiceNowEmulator serviceNow, AzureEmulator azure)
    {
        Sandbox = sandbox;
        ServiceNow = serviceNow;
        Azure = azure;
    }

    public CliSandbox Sandbox { get; }

    public ServiceNowEmulator ServiceNow { get; }

    public AzureEmulator Azure { get; }

    public CloudEstate Estate => Azure.Estate;

    public static async Task<JoinedScenario> StartAsync(CloudEstateOptions estateOptions)
    {
        var estate = CloudEstate.Generate(estateOptions);
        var serviceNow = await ServiceNowEmulator.StartAsync(new ServiceNowEmulatorOptions
        {
            Devices = 20,
            AdaptersPerDevice = 1,
            Applications = 4,
            Seed = 9,
            Users = [new EmulatorUser(ServiceNowScenario.Username, ServiceNowScenario.Password, ["cmdb_read"])],
            CloudEstate = estate,
        });
        var azure = await AzureEmulator.StartAsync(new AzureEmulatorOptions
        {
            CloudEstate = estate,
            PageSize = 4,
            Principals = [new AzureEmulatorPrincipal(AzureEmulatorOptions.DefaultClientId, ClientSecret)],
        });
        var sandbox = new CliSandbox();
        var caFile = Path.Combine(sandbox.Root, "azure-emulator.pem");
        await File.WriteAllTextAsync(caFile, azure.CertificatePem);
        sandbox.SetEnvironment(ConnectorModules.ExtraCaFileVariable, caFile);

        (await sandbox.RunAsync("init")).Code(0);
        (await sandbox.RunWithInputAsync(ServiceNowScenario.Password + "\n", "credential", "add", "servicenow-basic", "--name", "sn-cred", "--username", ServiceNowScenario.Username)).Code(0);
        (await sandbox.RunAsync("connector", "add", "servicenow", "--name", "sn", "--instance", serviceNow.BaseAddress.ToString(), "--credential", "sn-cred")).Code(0);
        (await sandbox.RunWithInputAsync(ClientSecret + "\n", "credential", "add", "azure-sp", "--name", "az-cred", "--tenant-id", azure.TenantId, "--client-id", AzureEmulatorOptions.DefaultClientId)).Code(0);
        (await sandbox.RunAsync("connector", "add", "azure", "--name", "az", "--credential", "az-cred", "--authority-host", azure.AuthorityHost.ToString(), "--arm-endpoint", azure.ArmEndpoint.ToString())).Code(0);
        return new JoinedScenario(sandbox, serviceNow, azure);
    }

    public Task<CliRun> RunAsync(params string[] args) => Sandbox.RunAsync(args);

    public async ValueTask DisposeAsync()
    {
        await Azure.DisposeAsync();
        await ServiceNow.DisposeAsync();
        Sandbox.Dispose();
    }
}
