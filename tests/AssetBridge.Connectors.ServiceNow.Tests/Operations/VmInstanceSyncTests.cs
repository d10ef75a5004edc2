using System.Net;
using AssetBridge.Connectors.ServiceNow.Settings;
using AssetBridge.Connectors.ServiceNow.Tests.Support;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Runs;
using AssetBridge.Emulators.ServiceNow;

namespace AssetBridge.Connectors.ServiceNow.Tests.Operations;

/// <summary>
/// The VM instance job: on instances without the table, and reading the rows an estate puts there.
/// </summary>
public class VmInstanceSyncTests
{
    private static readonly Core.Credentials.OpenedCredential Reader = TestCredentials.Basic("assetbridge", "assetbridge");

    [Fact]
    public async Task VmInstances_OnAnInstanceWithoutTheDefaultTable_AreNone_AndTheJobEndsWithAWarning()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 3, Applications = 1, HasVmInstanceTable = false });
        using var harness = SyncHarness.Create();

        var (outcome, results) = await harness.SyncAsync(emulator.BaseAddress, EntityKind.VmInstance, Reader);

        Assert.Equal((0L, 0L, 0L), (outcome.Records, outcome.Pages, outcome.Hidden));
        Assert.Null(outcome.Watermark);
        Assert.Empty(results.Batches);
        var warning = Assert.Single(harness.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal));
        Assert.Contains("has no table cmdb_ci_vm_instance", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryPlannedJob_OnAnInstanceWithoutVmInstances_Succeeds()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 8, AdaptersPerDevice = 1, Applications = 2, Seed = 5 });
        using var harness = SyncHarness.Create();
        var jobs = harness.Plan(SyncHarness.Connector(emulator.BaseAddress), SyncMode.Full);

        var runs = await Task.WhenAll(jobs.Select(job => harness.RunAsync(job, Reader)));

        Assert.Equal(5, runs.Length);
        Assert.Equal(8, runs[0].Outcome.Records);
        Assert.Equal(0, runs[4].Outcome.Records);
    }

    [Fact]
    public async Task VmInstances_OfACloudEstate_AreRead_WithTheRelationshipsThatLinkThemToTheirComputers()
    {
        var estate = Emulators.Estate.CloudEstate.Generate(new() { Subscriptions = 2, VmsPerSubscription = 10, Seed = 3 });
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 5, Applications = 2, CloudEstate = estate });
        using var harness = SyncHarness.Create();

        var (outcome, results) = await harness.SyncAsync(emulator.BaseAddress, EntityKind.VmInstance, Reader);
        var (_, links) = await harness.SyncAsync(emulator.BaseAddress, EntityKind.Relationship, Reader);

        var instances = results.Batches.OfType<Core.Ingestion.VmInstanceBatch>().SelectMany(b => b.Items).ToList();
        var claims = estate.CmdbTwins.Count(t => t.ObjectId is not null || t.VmInstId is not null);
        Assert.Equal(claims, instances.Count);
        Assert.Equal(claims, outcome.Records);
        Assert.All(instances, i => Assert.False(string.IsNullOrEmpty(i.ObjectId)));
        var instanceIds = instances.Select(i => i.SysId).ToHashSet(StringComparer.Ordinal);
        var virtualization = links.Batches.OfType<Core.Ingestion.RelationshipBatch>().SelectMany(b => b.Items)
            .Where(r => instanceIds.Contains(r.Child ?? string.Empty))
            .ToList();
        Assert.Equal(claims, virtualization.Count);
    }

    [Fact]
    public async Task VmInstances_OfANamedTableThatDoesNotExist_FailTheJob_NamingTheOption()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(new() { Devices = 1 });
        using var harness = SyncHarness.Create();

        var e = await Assert.ThrowsAnyAsync<AssetBridgeException>(() =>
            harness.SyncAsync(emulator.BaseAddress, EntityKind.VmInstance, Reader, new ServiceNowConnectorSettings { VmInstanceTable = "u_vm_instances" }));

        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Equal(
            "ServiceNow has no table 'u_vm_instances' (400: Invalid table u_vm_instances); check --vm-instance-table (the table's name, not its label) and the instance URL.",
            e.Message);
    }

    [Fact]
    public async Task VmInstances_RefusedByAnAcl_FailTheJob_SoAFullRunDeletesNone()
    {
        using var instance = new StubInstance(HttpStatusCode.Forbidden, """{"error":{"message":"User Not Authorized","detail":"Failed API level ACL Validation"},"status":"failure"}""");
        using var harness = SyncHarness.Create();

        var e = await Assert.ThrowsAnyAsync<AssetBridgeException>(() => harness.SyncAsync(instance.BaseAddress, EntityKind.VmInstance, Reader));

        Assert.Equal(ErrorKind.Authentication, e.Kind);
        Assert.Equal(
            "ServiceNow refused user 'assetbridge' access to cmdb_ci_vm_instance (403: User Not Authorized): the account lacks the cmdb_read role (or an ACL denies the table); grant cmdb_read to user 'assetbridge' and run the sync again.",
            e.Message);
        Assert.All(instance.Requests, path => Assert.Equal("/api/now/table/cmdb_ci_vm_instance", path));
    }

    [Fact]
    public void Module_RegistersOneOperationPerServiceNowTable_AndNoneForCloudVms()
    {
        using var harness = SyncHarness.Create();

        Assert.Equal(
            ["servicenow-cmdb-1.0-ListDevices", "servicenow-cmdb-1.0-ListNetworkAdapters", "servicenow-cmdb-1.0-ListBusinessApplications", "servicenow-cmdb-1.0-ListRelationships", "servicenow-cmdb-1.0-ListVmInstances"],
            harness.Module.Operations.Select(o => o.Key.ToString()));
    }
}
