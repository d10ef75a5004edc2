namespace AssetBridge.Core.Connectors;

/// <summary>The connector kinds AssetBridge knows.</summary>
public static class ConnectorKinds
{
    public const string ServiceNow = "servicenow";
    public const string Azure = "azure";
}
