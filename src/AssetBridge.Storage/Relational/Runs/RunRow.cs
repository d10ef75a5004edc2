using AssetBridge.Core.Runs;

namespace AssetBridge.Storage.Relational.Runs;

/// <summary>A runs row joined with its connector's name, as Dapper reads it.</summary>
internal sealed class RunRow
{
    public const string SelectColumns = """
        SELECT r.id AS Id, r.connector_id AS ConnectorId, c.name AS ConnectorName, r.mode AS Mode, r.state AS State,
               r.started_at AS StartedAt, r.finished_at AS FinishedAt, r.devices AS Devices,
               r.network_adapters AS NetworkAdapters, r.business_applications AS BusinessApplications,
               r.relationships AS Relationships, r.vm_instances AS VmInstances, r.cloud_vms AS CloudVms,
               r.marked_deleted AS MarkedDeleted, r.hidden AS Hidden, r.error AS Error
        FROM runs r
        JOIN connectors c ON c.id = r.connector_id
        """;

    public long Id { get; set; }
    public long ConnectorId { get; set; }
    public string ConnectorName { get; set; } = string.Empty;
    public string Mode { get; set; } = string.Empty;
    public string State { get; set; } = string.Empty;
    public long StartedAt { get; set; }
    public long? FinishedAt { get; set; }
    public long Devices { get; set; }
    public long NetworkAdapters { get; set; }
    public long BusinessApplications { get; set; }
    public long Relationships { get; set; }
    public long VmInstances { get; set; }
    public long CloudVms { get; set; }
    public long MarkedDeleted { get; set; }
    public long Hidden { get; set; }
    public string? Error { get; set; }

    public SyncRun ToRun() => new(
        Id,
        ConnectorId,
        ConnectorName,
        RunNames.ParseMode(Mode),
        RunNames.ParseState(State),
        UnixTime.FromMilliseconds(StartedAt),
        UnixTime.FromMilliseconds(FinishedAt),
        new RunCounts(Devices, NetworkAdapters, BusinessApplications, Relationships, MarkedDeleted, Hidden)
        {
            VmInstances = VmInstances,
            CloudVms = CloudVms,
        },
        Error);
}
