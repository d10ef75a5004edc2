using AssetBridge.Connectors.ServiceNow.Settings;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Inventory;

namespace AssetBridge.Connectors.ServiceNow.Tests.Settings;

public class ServiceNowConnectorSettingsTests
{
    [Fact]
    public void Create_UsesDocumentedDefaults_WhenNothingIsGiven()
    {
        var settings = ServiceNowConnectorSettings.Create(null, [], null);

        Assert.Equal("cmdb_ci_computer", settings.DeviceTable);
        Assert.Equal("cmdb_ci_network_adapter", settings.AdapterTable);
        Assert.Equal("cmdb_ci_business_app", settings.ApplicationTable);
        Assert.Equal("cmdb_rel_ci", settings.RelationshipTable);
        Assert.Equal("cmdb_ci_vm_instance", settings.VmInstanceTable);
        Assert.Equal(1000, settings.PageSize);
        Assert.Equal(4, settings.MaxConcurrentRequests);
        Assert.Empty(settings.FieldMap);
    }

    [Fact]
    public void Create_QualifiesDeviceFields_AndKeepsOtherKindsQualified()
    {
        var settings = ServiceNowConnectorSettings.Create("u_cmdb_ci_laptop", ["lastLoggedOnUser=u_last_user", "device.os=u_os", "adapter.macAddress=u_mac"], 50);

        Assert.Equal("u_cmdb_ci_laptop", settings.DeviceTable);
        Assert.Equal(50, settings.PageSize);
        Assert.Equal("u_last_user", settings.FieldMap["device.lastLoggedOnUser"]);
        Assert.Equal("u_os", settings.FieldMap["device.os"]);
        Assert.Equal("u_mac", settings.ColumnsFor(EntityKind.NetworkAdapter)["macAddress"]);
        Assert.Equal("os_version", settings.ColumnsFor(EntityKind.Device)["osVersion"]);
    }

    [Fact]
    public void Json_RoundTrips_AndNormalizesUnqualifiedKeys()
    {
        var settings = ServiceNowConnectorSettings.Create(null, ["usedFor=environment"], 200, 2);

        var back = ServiceNowConnectorSettings.FromJson(settings.ToJson());
        var handWritten = ServiceNowConnectorSettings.FromJson("""{"fieldMap":{"usedFor":"environment"}}""");

        Assert.Equal(200, back.PageSize);
        Assert.Equal(2, back.MaxConcurrentRequests);
        Assert.Equal("environment", back.FieldMap["device.usedFor"]);
        Assert.Equal("environment", handWritten.FieldMap["device.usedFor"]);
        Assert.Equal(1000, ServiceNowConnectorSettings.FromJson("").PageSize);
    }

    [Fact]
    public void Create_RefusesUnknownField_ListingValidNames()
    {
        var e = Assert.Throws<AssetBridgeException>(() => ServiceNowConnectorSettings.Create(null, ["colour=u_colour"], null));

        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.StartsWith("'device.colour' is not a field AssetBridge maps; use one of device.name, device.os,", e.Message, StringComparison.Ordinal);
        Assert.Contains("adapter.macAddress", e.Message, StringComparison.Ordinal);
        Assert.Contains("relationship.type", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nocolumn")]
    [InlineData("=x")]
    [InlineData("name=")]
    public void Create_RefusesMappingsThatAreNotFieldEqualsColumn(string arg)
    {
        var e = Assert.Throws<AssetBridgeException>(() => ServiceNowConnectorSettings.Create(null, [arg], null));

        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Equal($"'{arg}' is not a field mapping; write it as field=column, e.g. lastLoggedOnUser=u_last_user.", e.Message);
    }

    [Fact]
    public void Create_RefusesRemappingThePagingColumns()
    {
        var e = Assert.Throws<AssetBridgeException>(() => ServiceNowConnectorSettings.Create(null, ["sysUpdatedOn=u_changed"], null));

        Assert.Equal("'device.sysUpdatedOn' always reads sys_updated_on because paging and watermarks depend on it; remove that mapping.", e.Message);
    }

    [Fact]
    public void Create_RefusesColumnNamesThatCouldAlterTheQuery()
    {
        var e = Assert.Throws<AssetBridgeException>(() => ServiceNowConnectorSettings.Create(null, ["name=name^ORsys_id>0"], null));

        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.StartsWith("'name^ORsys_id>0' is not a ServiceNow column name for device.name;", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_AcceptsDotWalkedColumns()
    {
        var settings = ServiceNowConnectorSettings.Create(null, ["mostFrequentUser=assigned_to.user_name"], null);

        Assert.Equal("assigned_to.user_name", settings.ColumnsFor(EntityKind.Device)["mostFrequentUser"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public void Create_RefusesPageSizeOutsideServiceNowsRange(int pageSize)
    {
        var e = Assert.Throws<AssetBridgeException>(() => ServiceNowConnectorSettings.Create(null, [], pageSize));

        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Equal($"The page size {pageSize} is out of range; use 1 to 10000 (ServiceNow's cap), e.g. 1000.", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void Create_RefusesConcurrencyOutsideRange(int cap)
    {
        var e = Assert.Throws<AssetBridgeException>(() => ServiceNowConnectorSettings.Create(null, [], null, cap));

        Assert.Equal(ErrorKind.Usage, e.Kind);
    }

    [Theory]
    [InlineData("cmdb ci")]
    [InlineData("../sys_user")]
    [InlineData("")]
    public void Create_RefusesTableNamesThatAreNotIdentifiers(string table)
    {
        var e = Assert.Throws<AssetBridgeException>(() => ServiceNowConnectorSettings.Create(table, [], null));

        Assert.Equal($"'{table}' is not a ServiceNow table name; give --device-table letters, digits and underscores only, e.g. cmdb_ci_computer.", e.Message);
    }

    [Theory]
    [InlineData("https://contoso.service-now.com", "https://contoso.service-now.com/")]
    [InlineData("https://contoso.service-now.com/nav_to.do?uri=x#frag", "https://contoso.service-now.com/")]
    [InlineData("https://contoso.service-now.com:8443/api/now/table", "https://contoso.service-now.com:8443/")]
    [InlineData("http://127.0.0.1:5080/", "http://127.0.0.1:5080/")]
    [InlineData("http://127.9.9.9:5080/x", "http://127.9.9.9:5080/")]
    [InlineData("http://localhost:5080", "http://localhost:5080/")]
    [InlineData("http://[::1]:5080/", "http://[::1]:5080/")]
    public void ValidateInstanceUrl_ReturnsTheInstanceRoot(string url, string expected)
    {
        Assert.Equal(expected, ServiceNowConnectorSettings.ValidateInstanceUrl(url).AbsoluteUri);
    }

    [Fact]
    public void ValidateInstanceUrl_RefusesPlainHttpToANonLoopbackHost()
    {
        var e = Assert.Throws<AssetBridgeException>(() => ServiceNowConnectorSettings.ValidateInstanceUrl("http://contoso.service-now.com/"));

        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Equal(
            "AssetBridge is refusing plain http to a non-loopback host ('contoso.service-now.com'), which would send credentials unencrypted; use https://contoso.service-now.com instead.",
            e.Message);
    }

    [Theory]
    [InlineData("contoso.service-now.com")]
    [InlineData("ftp://contoso.service-now.com")]
    [InlineData("/api/now")]
    public void ValidateInstanceUrl_RefusesWhatIsNotAnHttpUrl(string url)
    {
        var e = Assert.Throws<AssetBridgeException>(() => ServiceNowConnectorSettings.ValidateInstanceUrl(url));

        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Equal($"'{url}' is not an instance URL; write it with its scheme, e.g. https://contoso.service-now.com.", e.Message);
    }

    [Fact]
    public void ValidateInstanceUrl_RefusesCredentialsInTheUrl()
    {
        var e = Assert.Throws<AssetBridgeException>(() => ServiceNowConnectorSettings.ValidateInstanceUrl("https://admin:secret@contoso.service-now.com"));

        Assert.DoesNotContain("secret", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_StoredBeforeVmInstances_ReadsTheDefaultVmInstanceTable()
    {
        var settings = ServiceNowConnectorSettings.FromJson("""{"deviceTable":"cmdb_ci_server","adapterTable":"cmdb_ci_network_adapter","applicationTable":"cmdb_ci_business_app","relationshipTable":"cmdb_rel_ci","fieldMap":{},"pageSize":500,"maxConcurrentRequests":4}""");

        Assert.Equal("cmdb_ci_vm_instance", settings.VmInstanceTable);
        Assert.Equal("cmdb_ci_vm_instance", settings.TableFor(EntityKind.VmInstance));
        Assert.Equal("u_vms", ServiceNowConnectorSettings.FromJson(ServiceNowConnectorSettings.Create(null, [], null, vmInstanceTable: "u_vms").ToJson()).VmInstanceTable);
    }

    [Fact]
    public void Create_MapsVmInstanceFields()
    {
        var settings = ServiceNowConnectorSettings.Create(null, ["vmInstance.vmInstId=u_vm_id"], null);

        Assert.Equal("u_vm_id", settings.ColumnsFor(EntityKind.VmInstance)["vmInstId"]);
        Assert.Equal("object_id", settings.ColumnsFor(EntityKind.VmInstance)["objectId"]);
    }

    [Fact]
    public void Create_RefusesOneTableForTwoKinds()
    {
        var e = Assert.Throws<AssetBridgeException>(() => ServiceNowConnectorSettings.Create("cmdb_ci_vm_instance", [], null));

        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Equal("'cmdb_ci_vm_instance' is given for both --device-table and --vm-instance-table; each kind of record needs a table of its own.", e.Message);
    }

    [Fact]
    public void Create_RefusesAVmInstanceTableThatIsNotATableName()
    {
        var e = Assert.Throws<AssetBridgeException>(() => ServiceNowConnectorSettings.Create(null, [], null, vmInstanceTable: "vm instances"));

        Assert.Equal("'vm instances' is not a ServiceNow table name; give --vm-instance-table letters, digits and underscores only, e.g. cmdb_ci_computer.", e.Message);
    }
}
