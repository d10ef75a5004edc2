using AssetBridge.Connectors.ServiceNow.Planning;
using AssetBridge.Connectors.ServiceNow.Settings;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Runs;

namespace AssetBridge.Connectors.ServiceNow.Tests.Planning;

public class ServiceNowSyncPlannerTests
{
    private static readonly Connector Connector = new(
        7, "prod", "servicenow", "https://contoso.service-now.com/nav_to.do", 3,
        ServiceNowConnectorSettings.Create(null, ["adapter.macAddress=u_mac"], 500, 2).ToJson(),
        DateTimeOffset.UnixEpoch);

    private static SyncRun Run(SyncMode mode) => new(11, 7, "prod", mode, RunState.Running, DateTimeOffset.UnixEpoch, null, RunCounts.Zero, null);

    [Fact]
    public void Plan_MakesOneJobPerTable_WithOperationKeyScopeCredentialAndTarget()
    {
        var jobs = new ServiceNowSyncPlanner().Plan(Connector, Run(SyncMode.Full), new Dictionary<string, Watermark>());

        Assert.Equal(
            ["servicenow-cmdb-1.0-ListDevices", "servicenow-cmdb-1.0-ListNetworkAdapters", "servicenow-cmdb-1.0-ListBusinessApplications", "servicenow-cmdb-1.0-ListRelationships", "servicenow-cmdb-1.0-ListVmInstances"],
            jobs.Select(j => j.Operation.ToString()));
        Assert.Equal(["cmdb_ci_computer", "cmdb_ci_network_adapter", "cmdb_ci_business_app", "cmdb_rel_ci", "cmdb_ci_vm_instance"], jobs.Select(j => j.Scope));
        Assert.Equal([EntityKind.Device, EntityKind.NetworkAdapter, EntityKind.BusinessApplication, EntityKind.Relationship, EntityKind.VmInstance], jobs.Select(j => j.Kind!.Value));
        Assert.All(jobs, j =>
        {
            Assert.Equal(11, j.RunId);
            Assert.Equal(7, j.ConnectorId);
            Assert.Equal(3, j.CredentialId);
            Assert.Equal("contoso.service-now.com", j.Target);
        });
    }

    [Fact]
    public void Plan_WritesTableParameters_WithColumnsPageSizeAndNoWatermarkOnFullRuns()
    {
        var watermarks = new Dictionary<string, Watermark> { ["cmdb_ci_computer"] = new("2024-01-01 00:00:00", "a") };

        var jobs = new ServiceNowSyncPlanner().Plan(Connector, Run(SyncMode.Full), watermarks);
        var devices = TableJobParameters.Parse(jobs[0].Parameters);
        var adapters = TableJobParameters.Parse(jobs[1].Parameters);

        Assert.Equal("https://contoso.service-now.com/", devices.InstanceUrl);
        Assert.Equal("cmdb_ci_computer", devices.Table);
        Assert.Equal(SyncMode.Full, devices.Mode);
        Assert.Null(devices.Watermark);
        Assert.Null(devices.Filter);
        Assert.Equal(500, devices.PageSize);
        Assert.Equal(2, devices.MaxConcurrentRequests);
        Assert.Equal("u_last_logged_on_user", devices.Columns["lastLoggedOnUser"]);
        Assert.Equal("u_mac", adapters.Columns["macAddress"]);
        Assert.Equal("cmdb_ci", adapters.Columns["deviceSysId"]);
    }

    [Fact]
    public void Plan_CarriesEachTablesWatermark_OnIncrementalRuns()
    {
        var watermarks = new Dictionary<string, Watermark> { ["cmdb_ci_computer"] = new("2024-01-01 00:00:00", "a") };

        var jobs = new ServiceNowSyncPlanner().Plan(Connector, Run(SyncMode.Incremental), watermarks);

        Assert.Equal(new Watermark("2024-01-01 00:00:00", "a"), TableJobParameters.Parse(jobs[0].Parameters).Watermark);
        Assert.Null(TableJobParameters.Parse(jobs[1].Parameters).Watermark);
        Assert.Equal(SyncMode.Incremental, TableJobParameters.Parse(jobs[1].Parameters).Mode);
    }

    [Fact]
    public void Plan_ReadsOnlyApplicationAndVmInstanceLinks_FromTheRelationshipTable()
    {
        var jobs = new ServiceNowSyncPlanner().Plan(Connector, Run(SyncMode.Full), new Dictionary<string, Watermark>());

        Assert.Equal(
            "parent.sys_class_name=cmdb_ci_business_app^ORchild.sys_class_name=cmdb_ci_business_app^ORparent.sys_class_name=cmdb_ci_vm_instance^ORchild.sys_class_name=cmdb_ci_vm_instance",
            TableJobParameters.Parse(jobs[3].Parameters).Filter);
    }

    [Fact]
    public void Plan_FollowsTheConnectorsTables_IntoTheRelationshipFilter()
    {
        var connector = Connector with
        {
            SettingsJson = ServiceNowConnectorSettings.Create(null, [], null, applicationTable: "u_apps", vmInstanceTable: "u_vms").ToJson(),
        };

        var jobs = new ServiceNowSyncPlanner().Plan(connector, Run(SyncMode.Full), new Dictionary<string, Watermark>());

        Assert.Equal(
            "parent.sys_class_name=u_apps^ORchild.sys_class_name=u_apps^ORparent.sys_class_name=u_vms^ORchild.sys_class_name=u_vms",
            TableJobParameters.Parse(jobs.Single(j => j.Kind == EntityKind.Relationship).Parameters).Filter);
    }

    [Fact]
    public void Plan_ReadsVmInstances_WithTheirColumns_AndOnlyTheDefaultTableMayBeMissing()
    {
        var custom = Connector with { SettingsJson = ServiceNowConnectorSettings.Create(null, ["vmInstance.objectId=u_resource_id"], null, vmInstanceTable: "u_vms").ToJson() };

        var byDefault = TableJobParameters.Parse(new ServiceNowSyncPlanner().Plan(Connector, Run(SyncMode.Full), new Dictionary<string, Watermark>())[4].Parameters);
        var named = TableJobParameters.Parse(new ServiceNowSyncPlanner().Plan(custom, Run(SyncMode.Full), new Dictionary<string, Watermark>())[4].Parameters);

        Assert.Equal(("cmdb_ci_vm_instance", true, (string?)null), (byDefault.Table, byDefault.MissingTableIsEmpty, byDefault.Filter));
        Assert.Equal(
            [("sysId", "sys_id"), ("name", "name"), ("objectId", "object_id"), ("vmInstId", "vm_inst_id"), ("state", "state"), ("sysUpdatedOn", "sys_updated_on")],
            byDefault.Columns.Select(c => (c.Key, c.Value)));
        Assert.Equal(("u_vms", false, "u_resource_id"), (named.Table, named.MissingTableIsEmpty, named.Columns["objectId"]));
        Assert.All(new ServiceNowSyncPlanner().Plan(Connector, Run(SyncMode.Full), new Dictionary<string, Watermark>()).SkipLast(1), j => Assert.False(TableJobParameters.Parse(j.Parameters).MissingTableIsEmpty));
    }

    [Fact]
    public void Plan_RefusesPlainHttpTargets()
    {
        var connector = Connector with { Target = "http://contoso.service-now.com" };

        var e = Assert.Throws<AssetBridgeException>(() => new ServiceNowSyncPlanner().Plan(connector, Run(SyncMode.Full), new Dictionary<string, Watermark>()));

        Assert.Equal(ErrorKind.Usage, e.Kind);
    }
}
