namespace AssetBridge.Core.Runs;

/// <summary>What a run read and changed.</summary>
public sealed record RunCounts(
    long Devices,
    long NetworkAdapters,
    long BusinessApplications,
    long Relationships,
    long MarkedDeleted,
    long Hidden)
{
    public static readonly RunCounts Zero = new(0, 0, 0, 0, 0, 0);

    /// <summary>Virtual machine instance CIs read from the CMDB.</summary>
    public long VmInstances { get; init; }

    /// <summary>Cloud virtual machines read from Azure.</summary>
    public long CloudVms { get; init; }

    public long Records => Devices + NetworkAdapters + BusinessApplications + Relationships + VmInstances + CloudVms;
}
