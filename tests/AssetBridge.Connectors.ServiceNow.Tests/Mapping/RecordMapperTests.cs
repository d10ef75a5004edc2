using AssetBridge.Connectors.ServiceNow.Mapping;
using AssetBridge.Core.Ingestion;
using AssetBridge.Core.Inventory;

namespace AssetBridge.Connectors.ServiceNow.Tests.Mapping;

public class RecordMapperTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("FALSE", false)]
    [InlineData("0", false)]
    [InlineData("", null)]
    [InlineData("maybe", null)]
    [InlineData(null, null)]
    public void ToDevice_ParsesVirtual_AsTrueFalseOrUnknown(string? raw, bool? expected)
    {
        var columns = new ColumnSet(EntityFields.Device.Resolve(new Dictionary<string, string>()));
        var row = new string?[columns.Count];
        row[columns.IndexOfField("sysId")] = "a";
        row[columns.IndexOfField("virtual")] = raw;

        var device = RecordMapper.ToDevice(new RowReader(columns, row), "cmdb_ci_computer");

        Assert.Equal(expected, device.Virtual);
    }

    [Fact]
    public void ToBatch_MapsEveryDeviceField_AndTurnsEmptyStringsIntoNull()
    {
        var columns = new ColumnSet(EntityFields.Device.Resolve(new Dictionary<string, string>()));
        var row = columns.Columns.Select(c => (string?)$" {c} ").ToArray();
        row[columns.IndexOfField("os")] = string.Empty;
        row[columns.IndexOfField("virtual")] = "true";

        var batch = Assert.IsType<DeviceBatch>(RecordMapper.ToBatch(EntityKind.Device, columns, [row], "cmdb_ci_computer"));
        var device = Assert.Single(batch.Items);

        Assert.Equal(" sys_id ", device.SysId);
        Assert.Equal(" name ", device.Name);
        Assert.Null(device.Os);
        Assert.Equal(" os_version ", device.OsVersion);
        Assert.Equal(" os_service_pack ", device.OsServicePack);
        Assert.Equal(" cpu_type ", device.CpuType);
        Assert.Equal(" category ", device.Category);
        Assert.Equal(" asset_tag ", device.AssetTag);
        Assert.True(device.Virtual);
        Assert.Equal(" business_criticality ", device.ServiceNowCriticality);
        Assert.Equal(" used_for ", device.UsedFor);
        Assert.Equal(" u_last_logged_on_user ", device.LastLoggedOnUser);
        Assert.Equal(" u_most_frequent_user ", device.MostFrequentUser);
        Assert.Equal(" sys_class_name ", device.SysClassName);
        Assert.Equal(" u_primary_business_application ", device.UPrimaryBusinessApplication);
        Assert.Equal(" sys_updated_on ", device.SysUpdatedOn);
    }

    [Fact]
    public void ToBatch_KeepsMacAddressAsGiven_AndFillsAdapterReferences()
    {
        var columns = new ColumnSet(EntityFields.NetworkAdapter.Resolve(new Dictionary<string, string>()));
        string?[] row = ["n1", "dev1", "eth0", "AA-bb-CC-00-11-22", "10.0.0.5", "", "2024-01-01 00:00:00"];

        var adapter = Assert.Single(Assert.IsType<NetworkAdapterBatch>(RecordMapper.ToBatch(EntityKind.NetworkAdapter, columns, [row], "t")).Items);

        Assert.Equal(new NetworkAdapter
        {
            SysId = "n1",
            DeviceSysId = "dev1",
            Name = "eth0",
            MacAddress = "AA-bb-CC-00-11-22",
            IpAddress = "10.0.0.5",
            IpDefaultGateway = null,
            SysUpdatedOn = "2024-01-01 00:00:00",
        }, adapter);
    }

    [Fact]
    public void ToBatch_MapsApplicationsAndRelationships()
    {
        var apps = new ColumnSet(EntityFields.BusinessApplication.Resolve(new Dictionary<string, string>()));
        var rels = new ColumnSet(EntityFields.Relationship.Resolve(new Dictionary<string, string>()));

        var app = Assert.Single(Assert.IsType<BusinessApplicationBatch>(RecordMapper.ToBatch(
            EntityKind.BusinessApplication, apps, [["a1", "APM0001", "Payroll", "1 - most critical", "2 - somewhat critical", "t"]], "x")).Items);
        var rel = Assert.Single(Assert.IsType<RelationshipBatch>(RecordMapper.ToBatch(
            EntityKind.Relationship, rels, [["r1", "a1", "d1", "1a9c", "t"]], "x")).Items);

        Assert.Equal(("APM0001", "Payroll", "1 - most critical", "2 - somewhat critical"), (app.Number, app.Name, app.UCriticality, app.BusinessCriticality));
        Assert.Equal(("a1", "d1", "1a9c"), (rel.Parent, rel.Child, rel.Type));
    }

    [Fact]
    public void ColumnSet_RequestsASharedColumnOnce()
    {
        var columns = new ColumnSet(new Dictionary<string, string> { ["sysId"] = "sys_id", ["name"] = "name", ["assetTag"] = "name" });

        Assert.Equal("sys_id,name", columns.FieldsParameter);
        Assert.Equal(columns.IndexOfField("name"), columns.IndexOfField("assetTag"));
    }

    [Fact]
    public void ToBatch_MapsEveryVmInstanceField_KeepingIdsAsTheCmdbWroteThem()
    {
        var columns = new ColumnSet(EntityFields.VmInstance.Resolve(new Dictionary<string, string>()));
        var row = new string?[columns.Count];
        row[columns.IndexOfField("sysId")] = "vm1";
        row[columns.IndexOfField("name")] = "web-01";
        row[columns.IndexOfField("objectId")] = "/subscriptions/ABC/resourceGroups/RG/providers/Microsoft.Compute/virtualMachines/web-01";
        row[columns.IndexOfField("vmInstId")] = "0F8FAD5B-D9CB-469F-A165-70867728950E";
        row[columns.IndexOfField("state")] = "On";
        row[columns.IndexOfField("sysUpdatedOn")] = string.Empty;

        var batch = Assert.IsType<VmInstanceBatch>(RecordMapper.ToBatch(EntityKind.VmInstance, columns, [row], "cmdb_ci_vm_instance"));

        Assert.Equal(
            new VmInstance
            {
                SysId = "vm1",
                Name = "web-01",
                ObjectId = "/subscriptions/ABC/resourceGroups/RG/providers/Microsoft.Compute/virtualMachines/web-01",
                VmInstId = "0F8FAD5B-D9CB-469F-A165-70867728950E",
                State = "On",
                SysUpdatedOn = null,
            },
            Assert.Single(batch.Items));
        Assert.Equal(["sys_id", "name", "object_id", "vm_inst_id", "state", "sys_updated_on"], columns.Columns);
    }

    [Fact]
    public void ToBatch_RefusesKindsThatAreNotServiceNows()
    {
        var columns = new ColumnSet(EntityFields.Device.Resolve(new Dictionary<string, string>()));

        Assert.Throws<ArgumentOutOfRangeException>(() => RecordMapper.ToBatch(EntityKind.CloudVm, columns, [], "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => EntityFields.For(EntityKind.CloudVm));
    }
}
