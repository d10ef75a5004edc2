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
}
