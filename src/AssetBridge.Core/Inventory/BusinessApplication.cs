namespace AssetBridge.Core.Inventory;

/// <summary>A business application CI (<c>cmdb_ci_business_app</c>) with its criticality fields.</summary>
public sealed record BusinessApplication
{
    public required string SysId { get; init; }
    public string? Number { get; init; }
    public string? Name { get; init; }
    public string? UCriticality { get; init; }
    public string? BusinessCriticality { get; init; }
    public string? SysUpdatedOn { get; init; }
}
