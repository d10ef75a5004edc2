namespace AssetBridge.Core.Inventory;

/// <summary>The kinds of record a ServiceNow connector ingests; each has its own table and deletion scope.</summary>
public enum EntityKind
{
    Device,
    NetworkAdapter,
    BusinessApplication,
    Relationship,
}
