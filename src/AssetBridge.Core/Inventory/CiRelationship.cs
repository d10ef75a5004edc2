namespace AssetBridge.Core.Inventory;

/// <summary>A <c>cmdb_rel_ci</c> row: parent and child CI sys_ids and the relationship type's sys_id.</summary>
public sealed record CiRelationship
{
    public required string SysId { get; init; }
    public string? Parent { get; init; }
    public string? Child { get; init; }
    public string? Type { get; init; }
    public string? SysUpdatedOn { get; init; }
}
