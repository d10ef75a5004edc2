using AssetBridge.Core.Errors;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Operations;

namespace AssetBridge.Core.Tests.Jobs;

public sealed class OperationKeyTests
{
    [Fact]
    public void Parse_RoundTrips_TheMethodMapperName()
    {
        var key = OperationKey.Parse("servicenow-cmdb-1.0-ListDevices");

        Assert.Equal(new OperationKey("servicenow", "cmdb", "1.0", "ListDevices"), key);
        Assert.Equal("servicenow-cmdb-1.0-ListDevices", key.ToString());
    }

    [Fact]
    public void Parse_RejectsMalformedNames_WithTheExpectedForm()
    {
        var error = Assert.Throws<AssetBridgeException>(() => OperationKey.Parse("servicenow-ListDevices"));

        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.Contains("provider-interface-version-operation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OperationMap_Resolve_FailsWithSentence_ForUnknownOperation()
    {
        var map = new OperationMap([]);

        var error = Assert.Throws<AssetBridgeException>(() => map.Resolve(OperationKey.Parse("azure-compute-1.0-ListNodes")));

        Assert.Contains("no handler for azure-compute-1.0-ListNodes", error.Message, StringComparison.Ordinal);
    }
}
