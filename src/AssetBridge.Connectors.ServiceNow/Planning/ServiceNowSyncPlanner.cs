using AssetBridge.Connectors.ServiceNow.Mapping;
using AssetBridge.Connectors.ServiceNow.Settings;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Runs;

namespace AssetBridge.Connectors.ServiceNow.Planning;

/// <summary>
/// Plans a ServiceNow run as one job per table (<see cref="EntityFields.All"/>). The scope of each job
/// is its table name, so watermarks and deletions are kept per table.
/// </summary>
internal sealed class ServiceNowSyncPlanner : ISyncPlanner
{
    public string ConnectorKind => ConnectorKinds.ServiceNow;

    public IReadOnlyList<NewJob> Plan(Connector connector, SyncRun run, IReadOnlyDictionary<string, Watermark> watermarks)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(watermarks);

        var settings = ServiceNowConnectorSettings.FromJson(connector.SettingsJson);
        var instance = ServiceNowConnectorSettings.ValidateInstanceUrl(connector.Target);
        var jobs = new List<NewJob>(EntityFields.All.Count);
        foreach (var fields in EntityFields.All)
        {
            var table = settings.TableFor(fields.Kind);
            var watermark = run.Mode == SyncMode.Incremental ? watermarks.GetValueOrDefault(table) : null;
            var parameters = new TableJobParameters(
                instance.AbsoluteUri,
                table,
                settings.ColumnsFor(fields.Kind),
                settings.PageSize,
                settings.MaxConcurrentRequests,
                run.Mode,
                watermark,
                fields.Kind == EntityKind.Relationship ? RelationshipFilter(settings) : null,
                settings.MissingTableIsEmpty(fields.Kind));
            jobs.Add(new NewJob(
                run.Id,
                connector.Id,
                ServiceNowOperationKeys.For(fields.Kind),
                table,
                connector.CredentialId,
                parameters.ToJson(),
                instance.IdnHost,
                fields.Kind));
        }

        return jobs;
    }

    /// <summary>
    /// Only relationships that touch a business application (criticality) or a VM instance (its guest
    /// computer, "Virtualized by::Virtualizes") are read; the rest are not. The ends are told apart by
    /// class, not by relationship type, which instances use loosely. The class is matched exactly: VM
    /// instances of a subclass of the table (VMware's cmdb_ci_vmware_instance) keep no links.
    /// </summary>
    internal static string RelationshipFilter(ServiceNowConnectorSettings settings) =>
        $"parent.sys_class_name={settings.ApplicationTable}^ORchild.sys_class_name={settings.ApplicationTable}" +
        $"^ORparent.sys_class_name={settings.VmInstanceTable}^ORchild.sys_class_name={settings.VmInstanceTable}";
}
