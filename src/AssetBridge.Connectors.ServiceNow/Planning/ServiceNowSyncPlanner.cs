using AssetBridge.Connectors.ServiceNow.Mapping;
using AssetBridge.Connectors.ServiceNow.Settings;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Inventory;
using AssetBridge.Core.Jobs;
using AssetBridge.Core.Runs;

namespace AssetBridge.Connectors.ServiceNow.Planning;

/// <summary>
/// Plans a ServiceNow run as four jobs, one per table. The scope of each job is its table name, so
/// watermarks and deletions are kept per table.
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
                fields.Kind == EntityKind.Relationship ? ApplicationLinksFilter(settings.ApplicationTable) : null);
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

    /// <summary>Only relationships that touch a business application matter to criticality; the rest are not read.</summary>
    internal static string ApplicationLinksFilter(string applicationTable) =>
        $"parent.sys_class_name={applicationTable}^ORchild.sys_class_name={applicationTable}";
}
