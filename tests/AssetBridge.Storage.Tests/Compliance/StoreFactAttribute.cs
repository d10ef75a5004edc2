using Xunit.Abstractions;
using Xunit.Sdk;

using AssetBridge.Storage.Tests.PostgreSql;

namespace AssetBridge.Storage.Tests.Compliance;

/// <summary>
/// A compliance fact: written once on the abstract suite, run by each store's subclass. On a subclass
/// marked <see cref="RequiresPostgresAttribute"/> it is reported skipped, with the reason, when no
/// PostgreSQL server is available; the attribute alone cannot tell, as it is shared by every subclass.
/// </summary>
[XunitTestCaseDiscoverer("AssetBridge.Storage.Tests.Compliance.StoreFactDiscoverer", "AssetBridge.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute
{
}

/// <summary>Marks a test class whose tests need a PostgreSQL server.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgresAttribute : Attribute
{
}

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var skip = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgresAttribute)).Any() ? PostgresServer.SkipReason : null;
        yield return skip is null
            ? new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod)
            : new SkippedStoreTestCase(diagnosticMessageSink, display, displayOptions, testMethod, skip);
    }
}

/// <summary>A compliance test case skipped for its store, carrying the reason across discovery and execution.</summary>
public sealed class SkippedStoreTestCase : XunitTestCase
{
    private string reason = string.Empty;

    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedStoreTestCase()
    {
    }

    public SkippedStoreTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod, string reason)
        : base(sink, display, displayOptions, testMethod)
    {
        this.reason = reason;
    }

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("SkipReasonText", reason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        reason = data.GetValue<string>("SkipReasonText");
        base.Deserialize(data);
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => reason;
}
