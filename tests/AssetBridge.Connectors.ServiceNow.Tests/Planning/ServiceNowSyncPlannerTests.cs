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
            ["servicenow-cmdb-1.0-ListDevices", "servicenow-cmdb-1.0-ListNetworkAdapters", "servicenow-cmdb-1.0-ListBusinessApplications", "servicenow-cmdb-1.0-ListRelationships"],
            jobs.Select(j => j.Operation.ToString()));
        Assert.Equal(["cmdb_ci_computer", "cmdb_ci_network_adapter", "cmdb_ci_business_app", "cmdb_rel_ci"], jobs.Select(j => j.Scope));
        Assert.Equal([EntityKind.Device, EntityKind.NetworkAdapter, EntityKind.BusinessApplication, EntityKind.Relationship], jobs.Select(j => j.Kind!.Value));
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
    public void Plan_ReadsOnlyApplicationLinks_FromTheRelationshipTable()
    {
        var jobs = new ServiceNowSyncPlanner().Plan(Connector, Run(SyncMode.Full), new Dictionary<string, Watermark>());

        Assert.Equal(
            "parent.sys_class_name=cmdb_ci_business_app^ORchild.sys_class_name=cmdb_ci_business_app",
            TableJobParameters.Parse(jobs[3].Parameters).Filter);
    }

    [Fact]
    public void Plan_RefusesPlainHttpTargets()
    {
        var connector = Connector with { Target = "http://contoso.service-now.com" };

        var e = Assert.Throws<AssetBridgeException>(() => new ServiceNowSyncPlanner().Plan(connector, Run(SyncMode.Full), new Dictionary<string, Watermark>()));

        Assert.Equal(ErrorKind.Usage, e.Kind);
    }
}
