using AssetBridge.Connectors.ServiceNow.Mapping;
using AssetBridge.Connectors.ServiceNow.Reading;
using AssetBridge.Connectors.ServiceNow.TableApi;
using AssetBridge.Core.Inventory;

namespace AssetBridge.Connectors.ServiceNow.Tests.Reading;

public class KeysetQueryTests
{
    private const string AppFilter = "parent.sys_class_name=cmdb_ci_business_app^ORchild.sys_class_name=cmdb_ci_business_app";

    [Fact]
    public void Full_OrdersBySysId_OnTheFirstPage()
    {
        Assert.Equal("ORDERBYsys_id", KeysetQuery.Full(null, null));
    }

    [Fact]
    public void Full_StartsAfterTheLastSysId_OnLaterPages()
    {
        Assert.Equal("sys_id>0a1b^ORDERBYsys_id", KeysetQuery.Full("0a1b", null));
    }

    [Fact]
    public void Full_AndsTheFilter_BeforeTheOrder()
    {
        Assert.Equal($"sys_id>0a1b^{AppFilter}^ORDERBYsys_id", KeysetQuery.Full("0a1b", AppFilter));
        Assert.Equal($"{AppFilter}^ORDERBYsys_id", KeysetQuery.Full(null, AppFilter));
    }

    [Fact]
    public void Incremental_UsesTheCompoundWatermark_SoSameSecondRowsAreNeitherSkippedNorRepeated()
    {
        var query = KeysetQuery.Incremental(new Watermark("2024-05-01 10:00:00", "abc"), null);

        Assert.Equal(
            "sys_updated_on>2024-05-01 10:00:00^NQsys_updated_on=2024-05-01 10:00:00^sys_id>abc^ORDERBYsys_updated_on^ORDERBYsys_id",
            query);
    }

    [Fact]
    public void Incremental_AndsTheFilterIntoEachNqGroup()
    {
        var query = KeysetQuery.Incremental(new Watermark("2024-05-01 10:00:00", "abc"), AppFilter);

        Assert.Equal(
            $"sys_updated_on>2024-05-01 10:00:00^{AppFilter}^NQsys_updated_on=2024-05-01 10:00:00^sys_id>abc^{AppFilter}^ORDERBYsys_updated_on^ORDERBYsys_id",
            query);
    }

    [Fact]
    public void Incremental_ReadsFromTheStart_WhenThereIsNoWatermark()
    {
        Assert.Equal("ORDERBYsys_updated_on^ORDERBYsys_id", KeysetQuery.Incremental(null, null));
    }

    [Fact]
    public void ToUri_EncodesEveryParameter_AndAsksForCountOnlyWhenTold()
    {
        var columns = new ColumnSet(new Dictionary<string, string> { ["sysId"] = "sys_id", ["name"] = "name", ["sysUpdatedOn"] = "sys_updated_on" });
        var query = KeysetQuery.Incremental(new Watermark("2024-05-01 10:00:00", "abc"), null);

        var counted = new TableRequest(new Uri("https://contoso.service-now.com/"), "cmdb_ci_computer", columns, query, 7, 0, true, "--device-table").ToUri();
        var uncounted = new TableRequest(new Uri("https://contoso.service-now.com/"), "cmdb_ci_computer", columns, "ORDERBYsys_id", 1000, 2000, false, "--device-table").ToUri();

        Assert.Equal(
            "https://contoso.service-now.com/api/now/table/cmdb_ci_computer?sysparm_fields=sys_id%2Cname%2Csys_updated_on&sysparm_exclude_reference_link=true&sysparm_limit=7"
            + "&sysparm_query=sys_updated_on%3E2024-05-01%2010%3A00%3A00%5ENQsys_updated_on%3D2024-05-01%2010%3A00%3A00%5Esys_id%3Eabc%5EORDERBYsys_updated_on%5EORDERBYsys_id",
            counted.AbsoluteUri);
        Assert.Equal(
            "https://contoso.service-now.com/api/now/table/cmdb_ci_computer?sysparm_fields=sys_id%2Cname%2Csys_updated_on&sysparm_exclude_reference_link=true&sysparm_limit=1000&sysparm_offset=2000&sysparm_query=ORDERBYsys_id&sysparm_no_count=true",
            uncounted.AbsoluteUri);
        Assert.DoesNotContain("display_value", uncounted.AbsoluteUri, StringComparison.Ordinal);
    }
}
