using System.Net;
using AssetBridge.Connectors.Azure.Operations;
using AssetBridge.Connectors.Azure.Planning;
using AssetBridge.Connectors.Azure.Settings;
using AssetBridge.Connectors.Azure.Tests.Support;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Operations;

namespace AssetBridge.Connectors.Azure.Tests.Operations;

public class ListNodesOperationTests
{
    private const string Sub = ArmHarness.Subscription;

    [Fact]
    public async Task ListNodes_ListsVmsWithoutPowerState_WhenStatusOnlyIsRefused_AndDropsVmsOfOtherSubscriptions()
    {
        using var harness = new ArmHarness(request => request.RequestUri!.AbsolutePath switch
        {
            var p when p.EndsWith("/networkInterfaces", StringComparison.Ordinal) => StubHandler.Json(HttpStatusCode.OK, StubHandler.Page(
                null,
                """{"id":"/subscriptions/SUB/resourceGroups/RG/providers/Microsoft.Network/networkInterfaces/nic1","properties":{"macAddress":"00-0D-3A-1B-C7-21","ipConfigurations":[{"properties":{"privateIPAddress":"10.0.0.4","publicIPAddress":{"id":"/subscriptions/SUB/resourceGroups/RG/providers/Microsoft.Network/publicIPAddresses/pip1"}}}]}}""".Replace("SUB", Sub, StringComparison.Ordinal))),
            var p when p.EndsWith("/publicIPAddresses", StringComparison.Ordinal) => StubHandler.Json(HttpStatusCode.OK, StubHandler.Page(
                null,
                """{"id":"/subscriptions/SUB/resourceGroups/rg/providers/Microsoft.Network/publicIPAddresses/PIP1","properties":{"ipAddress":"20.1.2.3"}}""".Replace("SUB", Sub, StringComparison.Ordinal))),
            _ when request.RequestUri.Query.Contains("statusOnly=true", StringComparison.Ordinal) => StubHandler.Json(HttpStatusCode.BadRequest, """{"error":{"code":"InvalidParameter","message":"statusOnly is not supported."}}"""),
            _ => StubHandler.Json(HttpStatusCode.OK, StubHandler.Page(
                null,
                """{"id":"/subscriptions/SUB/resourceGroups/RG/providers/Microsoft.Compute/virtualMachines/vm1","name":"vm1","properties":{"networkProfile":{"networkInterfaces":[{"id":"/subscriptions/SUB/resourceGroups/RG/providers/Microsoft.Network/networkInterfaces/NIC1"}]}}}""".Replace("SUB", Sub, StringComparison.Ordinal),
                """{"id":"/subscriptions/00000000-0000-4000-8000-000000000000/resourceGroups/RG/providers/Microsoft.Compute/virtualMachines/elsewhere"}""")),
        });
        var operation = new ListNodesOperation(harness.Client, harness.Http);
        var parameters = AzureJobParameters.For(AzureConnectorSettings.Create([], null, null), Sub).ToJson();
        var context = new OperationContext(
            new JobTicket(1, 2, 3, AzureOperationKeys.ListNodes, AzurePlannerScope(Sub), 4, parameters, "management.azure.com"),
            _ => harness.Authenticator,
            harness.Clock,
            harness.Logs.CreateFactory().CreateLogger("job"));
        var results = new RecordingResultWriter();

        var (outcome, _) = await harness.Clock.DriveAsync(operation.ExecuteAsync(context, results, CancellationToken.None));

        var vm = Assert.Single(results.Vms);
        Assert.Equal(["00:0d:3a:1b:c7:21"], vm.MacAddresses);
        Assert.Equal(["10.0.0.4"], vm.PrivateIps);
        Assert.Equal(["20.1.2.3"], vm.PublicIps);
        Assert.Null(vm.PowerState);
        Assert.Equal(1, outcome.Records);
        Assert.Equal(new Core.Inventory.Watermark("2026-11-21 12:00:00", Sub), outcome.Watermark);
        Assert.Contains(harness.Logs.Lines, l => l.Contains("Power states of subscription", StringComparison.Ordinal));
        Assert.Contains(harness.Logs.Lines, l => l.Contains("Left out 1 VMs", StringComparison.Ordinal));
    }

    private static string AzurePlannerScope(string subscription) => AzureSyncPlanner.ScopeOf(subscription);
}
